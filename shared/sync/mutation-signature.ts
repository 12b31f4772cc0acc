import { createPrivateKey, sign, verify, type KeyObject } from 'node:crypto';
import { publicKeyFromRaw } from '../training/certificate-signing.js';

/**
 * Signed mutations: each kiosk signs every mutation it queues with its Ed25519 device key (the
 * one its certificates use), so a relay (the site hub) can carry a kiosk's pushes to shore but
 * cannot alter them. Shore checks each mutation against the key registered for the device.
 *
 * What is signed is `canonicalMutation(...)`: a JSON array, in a fixed order, of a domain tag,
 * the device id, seq, name, version, HLC, acting user, site and the args, the args written with
 * their object keys sorted. Sorted keys make the bytes independent of how anything on the way
 * parsed and wrote the JSON again; the fixed array makes a field impossible to move into
 * another. The device and site are the ones shore holds for the device, so a signed mutation
 * cannot be replayed as another device's or at another site; the seq ties it to its place in the
 * device's stream.
 */
export const MUTATION_SIGNATURE_TAG = 'shiftdeck.mutation.v1';

/** An Ed25519 signature in base64url (64 bytes). */
export const SIGNATURE_SHAPE = /^[A-Za-z0-9_-]{86}$/;
/** A raw Ed25519 public key in base64url (32 bytes), as certificate keys are written. */
export const PUBLIC_KEY_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export interface SignedFields {
  deviceId: string;
  siteId: string;
  seq: number;
  name: string;
  version: number;
  hlc: string;
  userId: string | null;
  args: unknown;
}

/**
 * JSON with every object's keys sorted (by UTF-16 code units, as `Array.prototype.sort` does),
 * `undefined` members left out as JSON.stringify leaves them out, `toJSON` honoured as it honours it. Numbers and strings are
 * written by JSON.stringify, whose output reads back to the same value and writes again the same.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, { d: null, c: 'x' }] }); // '{"a":[true,{"c":"x","d":null}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  // A Date (or anything with toJSON) is what JSON makes of it, as on the wire.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return canonicalJson((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i) out += ',';
      const v: unknown = value[i];
      out += v === undefined || typeof v === 'function' ? 'null' : canonicalJson(v);
    }
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    if (v === undefined || typeof v === 'function') continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

/** The bytes a mutation's signature covers. */
export function canonicalMutation(f: SignedFields): Buffer {
  const head = JSON.stringify([
    MUTATION_SIGNATURE_TAG,
    f.deviceId.toLowerCase(),
    f.seq,
    f.name,
    f.version,
    f.hlc,
    f.userId === null ? null : f.userId.toLowerCase(),
    f.siteId.toLowerCase(),
  ]);
  // The args go last, after the fixed fields, as their canonical JSON.
  return Buffer.from(`${head.slice(0, -1)},${canonicalJson(f.args)}]`, 'utf8');
}

/** A signer for one device key (the private key parsed once, not per mutation). */
export function mutationSigner(privateKeyPem: string): (f: SignedFields) => string {
  const key = createPrivateKey(privateKeyPem);
  return (f) => sign(null, canonicalMutation(f), key).toString('base64url');
}

/** The KeyObject of a registered raw public key; null when it is not one. */
export function devicePublicKey(raw: string | null | undefined): KeyObject | null {
  if (!raw || !PUBLIC_KEY_SHAPE.test(raw)) return null;
  try {
    return publicKeyFromRaw(raw);
  } catch {
    return null;
  }
}

/** Whether `signature` is the device's over these fields. Never throws. */
export function verifyMutation(key: KeyObject, f: SignedFields, signature: string | undefined): boolean {
  if (!signature || !SIGNATURE_SHAPE.test(signature)) return false;
  try {
    return verify(null, canonicalMutation(f), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/**
 * The same check in libuv's thread pool, so a batch of signatures is checked on several cores
 * while the service's event loop goes on. Never rejects.
 */
export function verifyMutationAsync(key: KeyObject, f: SignedFields, signature: string | undefined): Promise<boolean> {
  if (!signature || !SIGNATURE_SHAPE.test(signature)) return Promise.resolve(false);
  let data: Buffer;
  try {
    data = canonicalMutation(f);
  } catch {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    try {
      verify(null, data, key, Buffer.from(signature, 'base64url'), (err, ok) => resolve(!err && ok));
    } catch {
      resolve(false);
    }
  });
}
