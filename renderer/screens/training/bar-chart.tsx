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

export interface BarSeries {
  label: string;
  values: number[];
  color: string;
}

export interface TargetLine {
  label: string;
  value: number;
  color: string;
}

/**
 * A thin React wrapper over one chart.js bar chart with horizontal target lines (drawn as line
 * datasets, so no plugin is needed). The chart is made once and updated in place when data changes.
 */
export function BarChart({
  labels,
  series,
  targets,
  label,
  testId,
}: {
  labels: string[];
  series: BarSeries[];
  targets: TargetLine[];
  label: string;
  testId?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);

  const datasets = () => [
    ...targets.map((t) => ({
      type: 'line' as const,
      label: t.label,
      data: labels.map(() => t.value),
      borderColor: t.color,
      borderWidth: 3,
      borderDash: [10, 6],
      pointRadius: 0,
      fill: false,
    })),
    ...series.map((s) => ({ type: 'bar' as const, label: s.label, data: s.values, backgroundColor: s.color })),
  ];

  useEffect(() => {
    if (!canvas.current) return;
    chart.current = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: datasets() },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { min: 0, max: 100, ticks: { font: { size: 16 } } }, x: { ticks: { font: { size: 16 } } } },
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
  }, [JSON.stringify([labels, series, targets])]);

  return (
    <div className="chart-box" data-testid={testId}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
