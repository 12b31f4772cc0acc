import { decodeHlc } from '../../shared/hlc.js';
import { isToldField } from '../../shared/sync/edited-records.js';
import { LATER_EDIT_WON, type LostChange, type LostEditDetail } from '../../shared/sync/lost-edit.js';
import type { MutationOutcome, PushedMutation } from '../../shared/sync/protocol.js';
import type { CentralTransaction } from '../db/site-tx.js';
import type { DeviceIdentity } from '../devices/enrollment.js';
import { conflictRow } from './conflict-row.js';
import type { LostEdit } from './pg-writer.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A stamp's wall time as ISO; one absurdly far ahead (hand-written, from before any cap) is shown as the latest date there is. */
const iso = (stamp: string) => new Date(Math.min(decodeHlc(stamp).wall, 8.64e15)).toISOString();
const nodeOf = (stamp: string) => {
  try {
    return decodeHlc(stamp).node;
  } catch {
    return null;
  }
};

/**
 * The conflict records of a batch's lost edits: one per mutation that applied and lost fields to
 * edits made later, however many rows or fields (a mutation retried in a savepoint, or writing a
 * field twice, reports it again: once is kept). Refused mutations wrote nothing, so lost nothing.
 */
export async function lostEditConflicts(
  trx: CentralTransaction,
  device: DeviceIdentity,
  results: readonly MutationOutcome[],
  lost: readonly { m: PushedMutation; edit: LostEdit }[],
  serverTime: number,
) {
  const applied = new Set(results.filter((r) => r.status === 'applied').map((r) => r.seq));
  const bySeq = new Map<
    number,
    { m: PushedMutation; at: string; changes: Map<string, Omit<LostChange, 'keptDeviceName'>> }
  >();
  for (const { m, edit } of lost) {
    if (!applied.has(m.seq)) continue;
    let entry = bySeq.get(m.seq);
    if (!entry) bySeq.set(m.seq, (entry = { m, at: edit.at, changes: new Map() }));
    for (const l of edit.lost) {
      if (!isToldField(edit.table, l.field)) continue;
      const node = nodeOf(l.keptAt);
      entry.changes.set(`${edit.table}:${edit.id}:${l.field}`, {
        table: edit.table,
        id: edit.id,
        field: l.field,
        mine: l.mine,
        kept: l.kept,
        keptAt: iso(l.keptAt),
        keptDeviceId: node && UUID.test(node) ? node : null,
      });
    }
  }
  // An edit that lost only bookkeeping fields lost nothing a person made.
  for (const [seq, e] of bySeq) if (!e.changes.size) bySeq.delete(seq);
  if (!bySeq.size) return [];

  // Device names, so a person reads "Galley tablet", not an id.
  const ids = new Set<string>([device.deviceId]);
  for (const e of bySeq.values()) for (const c of e.changes.values()) if (c.keptDeviceId) ids.add(c.keptDeviceId);
  const devices = await trx
    .selectFrom('devices')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  const nameOf = (id: string | null) => (id && devices.find((d) => d.id === id)?.name) || null;

  return [...bySeq.values()].map(({ m, at, changes }) => {
    const detail: LostEditDetail = {
      madeAt: iso(at),
      deviceName: nameOf(device.deviceId),
      changes: [...changes.values()].map((c) => ({ ...c, keptDeviceName: nameOf(c.keptDeviceId) })),
    };
    const fields = detail.changes
      .map((c) => `${c.table}.${c.field} (kept from ${c.keptDeviceName ?? 'another device'}, changed at ${c.keptAt})`)
      .join(', ');
    return {
      ...conflictRow(
        device,
        m,
        'overwritten',
        LATER_EDIT_WON,
        `Changes made later were kept for ${fields}; this change, made at ${detail.madeAt}, was set aside there.`,
        serverTime,
      ),
      args: JSON.stringify(detail),
    };
  });
}
