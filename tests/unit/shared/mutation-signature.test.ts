import { describe, expect, it } from 'vitest';
import { newSigningKey } from '../../../shared/training/certificate-signing.js';
import {
  canonicalJson,
  canonicalMutation,
  devicePublicKey,
  mutationSigner,
  verifyMutation,
  verifyMutationAsync,
  type SignedFields,
} from '../../../shared/sync/mutation-signature.js';

const FIELDS: SignedFields = {
  deviceId: '0193a4b2-1111-7aaa-8bbb-123456789abc',
  siteId: '0193a4b2-2222-7aaa-8bbb-123456789abc',
  seq: 42,
  name: 'audit.recordAuthEvent',
  version: 1,
  hlc: '0001764633600000-0001-0193a4b2-1111-7aaa-8bbb-123456789abc',
  userId: '0193a4b2-3333-7aaa-8bbb-123456789abc',
  args: { id: 'x', detail: { terminal: 'bar', attempt: 3, note: 'crème brûlée "№5"\n' }, tags: [1, 2.5, null] },
};

/** One field changed at a time, each to a value a relay could plausibly want. */
const CHANGED: [string, Partial<SignedFields>][] = [
  ['device', { deviceId: '0193a4b2-1111-7aaa-8bbb-123456789abd' }],
  ['site', { siteId: '0193a4b2-2222-7aaa-8bbb-123456789abd' }],
  ['seq', { seq: 43 }],
  ['name', { name: 'audit.recordAuthEventX' }],
  ['version', { version: 2 }],
  ['hlc', { hlc: '0001764633600001-0001-0193a4b2-1111-7aaa-8bbb-123456789abc' }],
  ['user', { userId: null }],
  ['args: a nested value', { args: { ...(FIELDS.args as object), detail: { terminal: 'bar', attempt: 4 } } }],
  ['args: a key added', { args: { ...(FIELDS.args as object), extra: true } }],
  ['args: an array order', { args: { ...(FIELDS.args as object), tags: [2.5, 1, null] } }],
];

describe('canonical encoding of a mutation', () => {
  it('writes object keys sorted at every depth, whatever order they were built in', () => {
    expect(canonicalJson({ b: 1, a: [true, { d: null, c: 'x' }] })).toBe('{"a":[true,{"c":"x","d":null}],"b":1}');
    expect(canonicalJson({ a: 1, b: { y: 2, x: 1 } })).toBe(canonicalJson({ b: { x: 1, y: 2 }, a: 1 }));
  });

  it('is the same after the args went through JSON on the way (what shore receives)', () => {
    const wire = JSON.parse(JSON.stringify(FIELDS.args)) as unknown;
    expect(canonicalMutation({ ...FIELDS, args: wire }).equals(canonicalMutation(FIELDS))).toBe(true);
    // Members JSON leaves out are left out here too; a date is written as JSON writes it.
    expect(canonicalJson({ a: undefined, b: [undefined], c: new Date(0) })).toBe(
      canonicalJson(JSON.parse(JSON.stringify({ a: undefined, b: [undefined], c: new Date(0) }))),
    );
  });

  it('puts each field in its own fixed place, so one cannot pass for another', () => {
    const text = canonicalMutation(FIELDS).toString('utf8');
    const parsed = JSON.parse(text) as unknown[];
    expect(parsed.slice(0, 8)).toEqual([
      'shiftdeck.mutation.v1',
      FIELDS.deviceId,
      42,
      'audit.recordAuthEvent',
      1,
      FIELDS.hlc,
      FIELDS.userId,
      FIELDS.siteId,
    ]);
    expect(parsed[8]).toEqual(FIELDS.args);
    // A name that looks like a version, or a user that looks like a site, still differs.
    expect(canonicalMutation({ ...FIELDS, userId: FIELDS.siteId, siteId: FIELDS.userId! })).not.toEqual(
      canonicalMutation(FIELDS),
    );
  });
});

describe('signing and checking a mutation', () => {
  const key = newSigningKey();
  const sign = mutationSigner(key.privateKeyPem);
  const pub = devicePublicKey(key.publicKey)!;
  const sig = sign(FIELDS);

  it('a signature made by the device key verifies, in the thread pool too', async () => {
    expect(sig).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(verifyMutation(pub, FIELDS, sig)).toBe(true);
    expect(await verifyMutationAsync(pub, { ...FIELDS, args: JSON.parse(JSON.stringify(FIELDS.args)) }, sig)).toBe(
      true,
    );
    // Ed25519 is deterministic: signing the same entry again (after a restart) gives the same bytes.
    expect(sign(FIELDS)).toBe(sig);
  });

  it.each(CHANGED)('a changed %s fails', async (_what, change) => {
    const altered = { ...FIELDS, ...change };
    expect(verifyMutation(pub, altered, sig)).toBe(false);
    expect(await verifyMutationAsync(pub, altered, sig)).toBe(false);
  });

  it("another device's key, a missing or malformed signature fail without throwing", async () => {
    const other = devicePublicKey(newSigningKey().publicKey)!;
    expect(verifyMutation(other, FIELDS, sig)).toBe(false);
    expect(verifyMutation(pub, FIELDS, undefined)).toBe(false);
    expect(verifyMutation(pub, FIELDS, 'x'.repeat(86))).toBe(false);
    const flipped = `${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    expect(verifyMutation(pub, FIELDS, flipped)).toBe(false);
    expect(await verifyMutationAsync(pub, FIELDS, 'not a signature')).toBe(false);
    expect(devicePublicKey('short')).toBeNull();
    expect(devicePublicKey(null)).toBeNull();
  });
});
