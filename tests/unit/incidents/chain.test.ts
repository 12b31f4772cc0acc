import { describe, expect, it } from 'vitest';
import { chainHead, entryHash, makeSeal, type ChainEvent, type ChainReport } from '../../../shared/incidents/chain.js';
import { checkRecord, type IncidentRecord } from '../../../shared/incidents/record-check.js';
import { newSigningKey } from '../../../shared/training/certificate-signing.js';

const SITE = '0190a000-0000-7000-8000-000000000001';
const INCIDENT = '0190a000-0000-7000-8000-0000000000aa';
const BRIDGE = '0190a000-0000-7000-8000-0000000000b1';
const ENGINE = '0190a000-0000-7000-8000-0000000000b2';
const T0 = Date.parse('2026-11-22T09:00:00Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();
const bridgeKey = newSigningKey();
const engineKey = newSigningKey();
const keys = new Map([
  [bridgeKey.keyId, bridgeKey.publicKey],
  [engineKey.keyId, engineKey.publicKey],
]);

const report: ChainReport & { site_id: string } = {
  id: INCIDENT,
  site_id: SITE,
  type: 'fire',
  severity: 'high',
  place_id: '0190a000-0000-7000-8000-0000000000c1',
  occurred_at: at(-5),
  what_happened: 'Smoke from the generator switchboard',
  people_involved: 'Tom Okafor',
  immediate_actions: 'Isolated the breaker',
  reporter_id: '0190a000-0000-7000-8000-0000000000d1',
  confidential: 0,
};
const event = (
  n: number,
  min: number,
  kind: ChainEvent['kind'],
  device = BRIDGE,
  to: string | null = null,
): ChainEvent => ({
  id: `0190a000-0000-7000-8000-00000000e00${n}`,
  site_id: SITE,
  incident_id: INCIDENT,
  kind,
  from_stage: kind === 'move' ? 'reported' : null,
  to_stage: to,
  reason: '',
  user_id: report.reporter_id,
  device_id: device,
  at: at(min),
});
const reported = event(1, 0, 'reported', BRIDGE, 'reported');
const triaged = event(2, 3, 'move', BRIDGE, 'triaging');
const paused = event(3, 7, 'sla_paused');

let sealNo = 0;
function sealRow(events: ChainEvent[], device: string, key: typeof bridgeKey, min: number) {
  const s = makeSeal({ incidentId: INCIDENT, siteId: SITE, deviceId: device, sealedAt: at(min) }, events, report, key);
  return {
    id: `0190a000-0000-7000-8000-00000000f00${++sealNo}`,
    incident_id: INCIDENT,
    site_id: SITE,
    device_id: device,
    key_id: s.keyId,
    public_key: s.publicKey,
    head: s.head,
    entries: JSON.stringify(s.entries),
    signature: s.signature,
    sealed_at: s.sealedAt,
  };
}
const sealed = (events: ChainEvent[]): IncidentRecord => ({
  v: 1,
  incident: report,
  events,
  seals: [sealRow(events.slice(0, 1), BRIDGE, bridgeKey, 0), sealRow(events, BRIDGE, bridgeKey, 8)],
});
const states = (r: IncidentRecord) => checkRecord(r, keys).entries.map((e) => `${e.id.slice(-1)}:${e.state}`);

describe('the hash chain of an incident’s history', () => {
  it('hashes an entry from its stable fields; the reported entry also covers what the reporter wrote', () => {
    expect(entryHash(reported, report)).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash({ ...reported, at: '2026-11-22T09:00:00Z' }, report)).toBe(entryHash(reported, report));
    expect(entryHash({ ...reported, reason: 'x' }, report)).not.toBe(entryHash(reported, report));
    expect(entryHash(reported, { ...report, what_happened: 'Nothing' })).not.toBe(entryHash(reported, report));
    // A move does not carry the report: editing the report flags the reported entry only.
    expect(entryHash(triaged, { ...report, what_happened: 'Nothing' })).toBe(entryHash(triaged, report));
  });

  it('chains in (time, id) order whatever order the rows come in, and the head depends on the order', () => {
    const a = makeSeal(
      { incidentId: INCIDENT, siteId: SITE, deviceId: BRIDGE, sealedAt: at(8) },
      [paused, reported, triaged],
      report,
      bridgeKey,
    );
    const b = makeSeal(
      { incidentId: INCIDENT, siteId: SITE, deviceId: BRIDGE, sealedAt: at(8) },
      [reported, triaged, paused],
      report,
      bridgeKey,
    );
    expect(a.entries.map((e) => e.id)).toEqual([reported.id, triaged.id, paused.id]);
    expect(a.head).toBe(b.head);
    expect(
      chainHead(
        INCIDENT,
        [...a.entries].reverse().map((e) => e.hash),
      ),
    ).not.toBe(a.head);
  });

  it('an untouched, sealed history checks OK', () => {
    const v = checkRecord(sealed([reported, triaged, paused]), keys);
    expect(v).toMatchObject({ status: 'ok', removed: [], badSeals: [], sealCount: 2, lastSealedAt: at(8) });
    expect(states(sealed([reported, triaged, paused]))).toEqual(['1:sealed', '2:sealed', '3:sealed']);
  });

  it('one field altered after sealing names that entry', () => {
    const r = sealed([reported, triaged, paused]);
    r.events = [reported, { ...triaged, to_stage: 'resolved' }, paused];
    expect(checkRecord(r, keys).status).toBe('altered');
    expect(states(r)).toEqual(['1:sealed', '2:altered', '3:sealed']);
    // The description rewritten in the database: the reported entry.
    const s = sealed([reported, triaged, paused]);
    s.incident = { ...report, what_happened: 'A small smell of burning' };
    expect(states(s)).toEqual(['1:altered', '2:sealed', '3:sealed']);
  });

  it('an entry removed after sealing is named', () => {
    const r = sealed([reported, triaged, paused]);
    r.events = [reported, paused];
    const v = checkRecord(r, keys);
    expect(v.status).toBe('removed');
    expect(v.removed).toEqual([triaged.id]);
  });

  it('moving an entry in time (reordering the history) names it altered; a reordered seal no longer verifies', () => {
    const r = sealed([reported, triaged, paused]);
    r.events = [reported, { ...triaged, at: at(9) }, paused];
    expect(states(r)).toEqual(['1:sealed', '3:sealed', '2:altered']);
    const s = sealed([reported, triaged, paused]);
    const listed = JSON.parse(s.seals[1].entries) as unknown[];
    s.seals[1].entries = JSON.stringify([listed[0], listed[2], listed[1]]);
    expect(checkRecord(s, keys)).toMatchObject({
      status: 'bad_seal',
      badSeals: [{ id: s.seals[1].id, problem: 'head_mismatch' }],
    });
  });

  it('a seal forged with another key, or by a key the site does not hold, is a bad seal and covers nothing', () => {
    const r = sealed([reported, triaged]);
    const forged = sealRow([reported, triaged], BRIDGE, newSigningKey(), 9);
    r.seals = [forged];
    expect(checkRecord(r, keys)).toMatchObject({ status: 'bad_seal', badSeals: [{ problem: 'untrusted_key' }] });
    r.seals = [{ ...sealRow([reported, triaged], BRIDGE, bridgeKey, 9), signature: forged.signature }];
    expect(checkRecord(r, keys).badSeals).toEqual([{ id: r.seals[0].id, problem: 'bad_signature' }]);
  });

  it('an entry written after the last seal is unsealed, not altered', () => {
    const r = sealed([reported, triaged]);
    r.events = [reported, triaged, paused];
    expect(checkRecord(r, keys).status).toBe('unsealed');
    expect(states(r)).toEqual(['1:sealed', '2:sealed', '3:unsealed']);
    expect(checkRecord({ ...r, seals: [] }, keys).status).toBe('no_seal');
  });

  it('two kiosks appending offline: each seal holds, the merged head is unsealed until the next append seals it', () => {
    const base = [reported];
    const fromEngine = event(4, 2, 'move', ENGINE, 'escalated');
    const merged: IncidentRecord = {
      v: 1,
      incident: report,
      events: [reported, triaged, fromEngine],
      seals: [
        sealRow(base, BRIDGE, bridgeKey, 0),
        sealRow([reported, triaged], BRIDGE, bridgeKey, 3),
        sealRow([reported, fromEngine], ENGINE, engineKey, 2),
      ],
    };
    const v = checkRecord(merged, keys);
    expect(v.status).toBe('unsealed');
    expect(v.entries.map((e) => [e.id, e.state])).toEqual([
      [reported.id, 'sealed'],
      [fromEngine.id, 'unsealed'],
      [triaged.id, 'sealed'],
    ]);
    merged.events.push(paused);
    merged.seals.push(sealRow(merged.events, BRIDGE, bridgeKey, 7));
    expect(checkRecord(merged, keys).status).toBe('ok');
  });
});
