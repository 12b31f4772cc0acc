import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

/**
 * Completions per bucket as bars (left axis, counts) and the mean score as a line (right axis,
 * 0-100 %), one chart.js chart made once and updated in place, so synced rows redraw it without a
 * tap and without a flash.
 */
export function TrendChart({
  labels,
  completions,
  scores,
  text,
  testId,
}: {
  labels: string[];
  completions: number[];
  scores: (number | null)[];
  text: { completions: string; score: string; label: string };
  testId?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  const datasets = () => [
    {
      type: 'line' as const,
      label: text.score,
      data: scores,
      yAxisID: 'score',
      // Drawn over the bars (a lower order is drawn last), so a single point never hides behind one.
      order: 0,
      borderColor: '#0f6b36',
      backgroundColor: '#0f6b36',
      borderWidth: 3,
      pointRadius: 5,
      spanGaps: true,
    },
    {
      type: 'bar' as const,
      label: text.completions,
      data: completions,
      yAxisID: 'count',
      order: 1,
      backgroundColor: '#0a4fa3',
    },
  ];

  useEffect(() => {
    if (!canvas.current) return;
    chart.current = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: datasets() as never },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          count: { position: 'left', beginAtZero: true, ticks: { precision: 0, font: { size: 16 } } },
          score: {
            position: 'right',
            min: 0,
            max: 100,
            grid: { drawOnChartArea: false },
            ticks: { font: { size: 16 } },
          },
          x: { ticks: { font: { size: 14 } } },
        },
        plugins: { legend: { labels: { font: { size: 16 } } } },
      },
    });
    return () => chart.current?.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.labels = labels;
    c.data.datasets = datasets() as never;
    c.update();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify([labels, completions, scores, text])]);

  return (
    <div className="chart-box" data-testid={testId} data-points={completions.join(',')}>
      <canvas ref={canvas} role="img" aria-label={text.label} />
    </div>
  );
}
