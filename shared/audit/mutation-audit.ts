import { derivedId } from '../ids.js';
import type { MutationContext, MutationDef, NewRow } from '../mutations/define.js';

/**
 * The argument keys an audit entry keeps, and nothing else: short facts that say what changed
 * (a status, a count, a title) and none that hold a secret or personal data (PINs, hashes, keys,
 * signatures, free-text notes, people's names, file contents). A whitelist, so a new argument
 * never reaches the audit log unless it is added here, with its words in EN and FR.
 */
export const AUDIT_DETAIL_KEYS = [
  'status',
  'to',
  'title',
  'label',
  'severity',
  'kind',
  'type',
  'step',
  'station',
  'method',
  'format',
  'guests',
  'quantity',
  'seats',
  'course',
  'amountCents',
  'tipCents',
  'dueDate',
  'startsOn',
  'moduleCode',
  'templateCode',
  'reference',
  'active',
  'confidential',
  'seconds',
  'timezone',
  'ring',
  'percent',
  'pinnedVersion',
  'windowStart',
  'windowEnd',
] as const;

const KEPT: ReadonlySet<string> = new Set(AUDIT_DETAIL_KEYS);
/** Longer text is cut: an audit entry says what changed, it is not a copy of the record. */
export const AUDIT_TEXT_LIMIT = 80;

/** The keys of the args that name the person a mutation is about, in the order they are tried. */
const SUBJECT_KEYS = ['userId', 'subjectUserId', 'personId', 'traineeId'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id of the audit entry of the mutation a device stamped `hlc`: the same on every replica. */
export const mutationAuditId = (deviceId: string, hlc: string): string => derivedId('mutation_audit', deviceId, hlc);

/** The short facts of `args` an audit entry keeps (AUDIT_DETAIL_KEYS), in the args' order. */
export function auditDetailOf(args: unknown): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  if (!args || typeof args !== 'object') return out;
  for (const [k, v] of Object.entries(args as Record<string, unknown>)) {
    if (!KEPT.has(k)) continue;
    if (typeof v === 'string') out[k] = v.length > AUDIT_TEXT_LIMIT ? `${v.slice(0, AUDIT_TEXT_LIMIT - 1)}…` : v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}

function subjectOf(args: unknown): string | null {
  if (!args || typeof args !== 'object') return null;
  const a = args as Record<string, unknown>;
  for (const k of SUBJECT_KEYS) {
    const v = a[k];
    if (typeof v === 'string' && UUID.test(v)) return v;
  }
  return null;
}

/**
 * The audit entry of an applied mutation: who (the acting person, or null for the kiosk itself),
 * what (the mutation's name, which the screens put in words, and its short facts), when (the
 * mutation's time), which kiosk. Its id comes from the device and the mutation's HLC, so the
 * kiosk that ran it, shore re-running it and a replay after a pull all write the very same row.
 * Null for a mutation that records its own entries (`audit: 'own'`) or none (`audit: 'none'`).
 */
export function mutationAuditRow(def: MutationDef, ctx: MutationContext, args: unknown): NewRow<'audit_log'> | null {
  if (def.audit === 'own' || def.audit === 'none') return null;
  return {
    id: mutationAuditId(ctx.deviceId, ctx.hlc),
    site_id: ctx.siteId,
    action: def.name,
    actor_user_id: ctx.userId,
    subject_user_id: subjectOf(args),
    device_id: ctx.deviceId,
    hlc: ctx.hlc,
    detail: JSON.stringify(auditDetailOf(args)),
  };
}

/**
 * Runs a mutator and writes its audit entry in the same transaction: the one way the kiosk, its
 * replays and the server apply a mutation, so every applied change is in the audit log.
 */
export async function applyMutation(def: MutationDef, ctx: MutationContext, args: unknown): Promise<void> {
  await def.run(ctx, args);
  const row = mutationAuditRow(def, ctx, args);
  if (row) await ctx.write.insert('audit_log', row);
}
