/** A point of a live chart: x in ms since the epoch. */
export interface ChartPoint {
  x: number;
  y: number;
}

/**
 * Keeps at most `max` points of a series for drawing, by min-max buckets: each bucket keeps its
 * lowest and highest reading in time order, so a spike survives decimation where averaging or
 * taking every n-th point would hide it.
 *
 * @example decimate(points, 600).length <= 600
 */
export function decimate(points: readonly ChartPoint[], max: number): ChartPoint[] {
  if (points.length <= max) return [...points];
  const buckets = Math.max(1, Math.floor(max / 2));
  const size = points.length / buckets;
  const out: ChartPoint[] = [];
  for (let b = 0; b < buckets; b++) {
    const slice = points.slice(Math.floor(b * size), Math.floor((b + 1) * size));
    if (slice.length === 0) continue;
    let lo = slice[0];
    let hi = slice[0];
    for (const p of slice) {
      if (p.y < lo.y) lo = p;
      if (p.y > hi.y) hi = p;
    }
    if (lo === hi) out.push(lo);
    else out.push(...(lo.x <= hi.x ? [lo, hi] : [hi, lo]));
  }
  return out;
}
