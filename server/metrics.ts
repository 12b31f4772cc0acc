/**
 * Counters and gauges for GET /metrics, in the Prometheus text format. In memory and per
 * instance (the service is stateless; a scraper adds the instances up).
 *
 * @example
 * metrics.describe('shiftdeck_push_mutations_total', 'counter', 'Mutations received in pushes.');
 * metrics.inc('shiftdeck_push_mutations_total', { status: 'applied' }, 12);
 */
export interface Metrics {
  describe(name: string, type: 'counter' | 'gauge', help: string): void;
  inc(name: string, labels?: Record<string, string>, by?: number): void;
  set(name: string, value: number, labels?: Record<string, string>): void;
  /** The value of one series (tests, health checks); 0 when never touched. */
  get(name: string, labels?: Record<string, string>): number;
  /** Drops every series of a gauge (a site gone from the fleet must not linger in scrapes). */
  clear(name: string): void;
  /** Runs before each scrape (`collect`): gauges read at scrape time are set here. */
  beforeScrape(fn: () => Promise<void>): void;
  /** Runs the beforeScrape hooks, then renders. */
  collect(): Promise<string>;
  render(): string;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const key = (labels: Record<string, string> = {}) =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}="${escape(labels[k])}"`)
    .join(',');

export function createMetrics(): Metrics {
  const meta = new Map<string, { type: string; help: string }>();
  const series = new Map<string, Map<string, number>>();
  const hooks: (() => Promise<void>)[] = [];
  const slot = (name: string) => {
    if (!NAME.test(name)) throw new Error(`Not a metric name: ${name}`);
    let s = series.get(name);
    if (!s) series.set(name, (s = new Map()));
    return s;
  };
  return {
    describe(name, type, help) {
      meta.set(name, { type, help });
      slot(name);
    },
    inc(name, labels, by = 1) {
      const s = slot(name);
      const k = key(labels);
      s.set(k, (s.get(k) ?? 0) + by);
    },
    set(name, value, labels) {
      slot(name).set(key(labels), value);
    },
    get(name, labels) {
      return series.get(name)?.get(key(labels)) ?? 0;
    },
    clear(name) {
      series.get(name)?.clear();
    },
    beforeScrape(fn) {
      hooks.push(fn);
    },
    async collect() {
      for (const fn of hooks) await fn();
      return this.render();
    },
    render() {
      const out: string[] = [];
      for (const [name, s] of [...series].sort(([a], [b]) => a.localeCompare(b))) {
        const m = meta.get(name);
        if (m) out.push(`# HELP ${name} ${m.help}`, `# TYPE ${name} ${m.type}`);
        for (const [k, v] of s) out.push(`${name}${k ? `{${k}}` : ''} ${v}`);
      }
      return out.join('\n') + '\n';
    },
  };
}
