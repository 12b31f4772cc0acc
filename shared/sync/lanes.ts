/**
 * Every mutation travels in a lane. Urgent changes (incidents and escalations, PIN lockouts,
 * emergency messages, emergency mode itself) go first on every link; bulk (attachments, raw sensor
 * samples) goes only over links not marked expensive, unless a person allows it; everything else is
 * normal. In emergency mode only the urgent lane uses any link.
 *
 * The lane is data here, by mutation name or by area prefix ('incidents.' is every incident
 * mutation), so an area added later is in the right lane from its first mutation.
 *
 * @example
 * laneOf('incidents.report'); // 'urgent'
 * laneOf('training.saveDraft'); // 'normal'
 */
export const LANES = ['urgent', 'normal', 'bulk'] as const;
export type Lane = (typeof LANES)[number];

/** Exact names first, then prefixes ending in '.'; anything not listed is normal. */
export const LANE_RULES: Readonly<Record<string, Lane>> = Object.freeze({
  'incidents.': 'urgent',
  'escalations.': 'urgent',
  'messages.emergency': 'urgent',
  // A failed PIN may be what locks a person out at every kiosk of the site.
  'audit.recordAuthEvent': 'urgent',
  'links.setEmergency': 'urgent',
  'attachments.': 'bulk',
  'sensors.recordSamples': 'bulk',
});

export function laneOf(mutation: string): Lane {
  const exact = LANE_RULES[mutation];
  if (exact) return exact;
  let best: { prefix: string; lane: Lane } | null = null;
  for (const [prefix, lane] of Object.entries(LANE_RULES)) {
    if (prefix.endsWith('.') && mutation.startsWith(prefix) && (!best || prefix.length > best.prefix.length))
      best = { prefix, lane };
  }
  return best?.lane ?? 'normal';
}

export interface LanePolicy {
  /** The site is in emergency mode: only urgent traffic. */
  emergency: boolean;
  /** The link in use is marked expensive (satellite). */
  expensive: boolean;
  /** A person allowed bulk traffic over expensive links. */
  bulkOnExpensive?: boolean;
}

/** The lanes that may use a link now, in the order they go. */
export function lanesAllowed(policy: LanePolicy): Lane[] {
  if (policy.emergency) return ['urgent'];
  if (policy.expensive && !policy.bulkOnExpensive) return ['urgent', 'normal'];
  return ['urgent', 'normal', 'bulk'];
}

/**
 * What to send next over a link, from the queued changes in seq order: urgent first, then normal,
 * then bulk, each lane in its own seq order (the order the service applies a lane in), leaving out
 * the lanes the policy holds back. Stable, so within a lane nothing ever overtakes.
 */
export function orderForLink<T extends { name: string }>(queued: readonly T[], policy: LanePolicy): T[] {
  const allowed = lanesAllowed(policy);
  const byLane = new Map<Lane, T[]>(allowed.map((l) => [l, []]));
  for (const m of queued) byLane.get(laneOf(m.name))?.push(m);
  return allowed.flatMap((l) => byLane.get(l)!);
}
