import { describe, expect, it } from 'vitest';
import {
  issuerOf,
  newSigningKey,
  signCertificate,
  verifyCertificate,
} from '../../../shared/training/certificate-signing.js';
import { LOGO_MAX_BYTES, logoArgs, logoKind, templateArgs } from '../../../shared/training/certificate-template.js';
import { signRevocationList, verifyRevocationList } from '../../../shared/training/revocation-list.js';

const common = {
  n: 'FS101-2026-ABCDEF',
  c: 'ABCDE-FGHJK',
  u: 'u',
  h: 'Emma Dubois',
  m: 'FOOD_SAFETY_101',
  mv: 1,
  te: 'Food safety basics',
  tf: 'Sécurité',
  sc: 100,
  i: '2026-11-22T09:00:00.000Z',
  e: null,
  s: 'site',
};
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex');

const reSigned = (token: string, edit: object) => {
  const [, body, sig] = token.split('.');
  const json = JSON.parse(Buffer.from(body, 'base64url').toString()) as object;
  return `SDC1.${Buffer.from(JSON.stringify({ ...json, ...edit })).toString('base64url')}.${sig}`;
};

describe('certificate payload versions', () => {
  it('a v1 certificate (no site name, no signatory) still verifies and has no issuer', () => {
    const key = newSigningKey();
    const { token } = signCertificate({ v: 1, ...common }, key);
    const r = verifyCertificate(token, new Map([[key.keyId, key.publicKey]]));
    expect(r).toMatchObject({ ok: true, trusted: true, payload: { v: 1 } });
    expect(r.ok && issuerOf(r.payload)).toBeNull();
  });

  it('a v2 certificate carries the site name and signatory, signed: changing either breaks it', () => {
    const key = newSigningKey();
    const { token } = signCertificate(
      { v: 2, ...common, sn: 'Le Bistrot du Port', gn: 'Claire Martin', gt: 'Training manager' },
      key,
    );
    const r = verifyCertificate(token, new Map([[key.keyId, key.publicKey]]));
    expect(r.ok && issuerOf(r.payload)).toEqual({
      siteName: 'Le Bistrot du Port',
      signatoryName: 'Claire Martin',
      signatoryTitle: 'Training manager',
    });
    expect(verifyCertificate(reSigned(token, { sn: 'Another site' }))).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyCertificate(reSigned(token, { gn: 'Eve Mallory' }))).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('a v2 payload without its signed issuer fields, or an unknown version, is malformed', () => {
    const key = newSigningKey();
    const { token } = signCertificate({ v: 2, ...common, sn: 'S', gn: '', gt: '' }, key);
    expect(verifyCertificate(reSigned(token, { sn: undefined }))).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyCertificate(reSigned(token, { v: 3 }))).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('certificate template logo', () => {
  it('is known by its magic bytes, whatever it claims to be', () => {
    expect(logoKind(PNG)).toBe('image/png');
    expect(logoKind(JPEG)).toBe('image/jpeg');
    expect(logoKind(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(logoKind(Buffer.alloc(0))).toBeNull();
  });

  it('refuses a file that is not the image it claims, and one over the size limit, naming the field', () => {
    expect(logoArgs.safeParse({ mime: 'image/png', base64: PNG.toString('base64') }).success).toBe(true);
    const lie = logoArgs.safeParse({ mime: 'image/png', base64: JPEG.toString('base64') });
    expect(lie.success).toBe(false);
    expect(lie.error?.issues[0].path).toEqual(['base64']);
    const text = templateArgs.safeParse({
      signatoryName: 'A',
      signatoryTitle: 'B',
      logo: { mime: 'image/jpeg', base64: Buffer.from('GIF89a').toString('base64') },
    });
    expect(text.error?.issues[0].path).toEqual(['logo', 'base64']);
    const big = Buffer.concat([PNG, Buffer.alloc(LOGO_MAX_BYTES)]);
    expect(logoArgs.safeParse({ mime: 'image/png', base64: big.toString('base64') }).success).toBe(false);
  });
});

describe('signed revocation list', () => {
  const list = {
    siteId: 'site',
    siteName: 'Le Bistrot du Port',
    issuedAt: '2026-12-01T10:00:00.000Z',
    revoked: [{ n: 'FS101-2026-ABCDEF', at: '2026-11-30T10:00:00.000Z', reason: 'Issued in error' }],
  };
  it('verifies, and is trusted only with its signer listed', () => {
    const key = newSigningKey();
    const text = signRevocationList(list, key);
    expect(verifyRevocationList(text)).toMatchObject({ ok: true, trusted: false, list: { revoked: list.revoked } });
    expect(verifyRevocationList(text, new Map([[key.keyId, key.publicKey]]))).toMatchObject({
      ok: true,
      trusted: true,
    });
  });
  it('refuses a list with an entry removed, and garbage', () => {
    const key = newSigningKey();
    const file = JSON.parse(signRevocationList(list, key)) as { payload: string; signature: string };
    const emptied = JSON.stringify({ ...file, payload: file.payload.replace(/"revoked":\[.*\]/, '"revoked":[]') });
    expect(emptied).not.toEqual(JSON.stringify(file));
    expect(verifyRevocationList(emptied)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyRevocationList('not json')).toEqual({ ok: false, reason: 'malformed' });
  });
});
