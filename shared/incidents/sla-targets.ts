import { derivedId } from '../ids.js';
import { DEFAULT_SLA, type SlaTarget } from './sla.js';
import type { Severity } from './workflow.js';

/** One target row per (site, severity): two kiosks setting it offline edit the same row. */
export const slaTargetId = (siteId: string, severity: Severity): string =>
  derivedId('incident-sla-target', siteId, severity);

/** The site's targets by severity: its own rows over the defaults. */
export function targetsOf(
  rows: readonly { severity: Severity; ack_minutes: number; resolve_minutes: number }[],
): Record<Severity, SlaTarget> {
  const out = { ...DEFAULT_SLA };
  for (const r of rows) out[r.severity] = { ackMinutes: r.ack_minutes, resolveMinutes: r.resolve_minutes };
  return out;
}
