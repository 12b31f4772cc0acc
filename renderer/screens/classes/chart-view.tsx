import { useEffect, useRef } from 'react';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';

Chart.register(...registerables);
// Labels in the app's text colour and size: grey 12 px legends are hard to read at arm's length.
Chart.defaults.color = '#0d1b2a';
Chart.defaults.font.size = 15;

/**
 * A chart.js chart in a canvas. The chart is made once and its data replaced in place when the
 * props change (a `data.changed` reload), so it updates without flicker.
 */
export function ChartView({ config, label, testId }: { config: ChartConfiguration; label: string; testId?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    chart.current = new Chart(canvas.current, {
      ...config,
      options: { animation: false, responsive: true, maintainAspectRatio: false, ...config.options },
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
    // The chart's type never changes for one view; data updates go through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [config.type]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data = config.data;
    c.update('none');
  }, [config.data]);

  return (
    <div
      className="classes-chart"
      data-testid={testId}
      data-values={JSON.stringify(config.data.datasets.map((d) => d.data))}
    >
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
