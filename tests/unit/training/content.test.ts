import { describe, expect, it } from 'vitest';
import { DEMO_MODULES, DEMO_PATHS } from '../../../shared/training/demo-content.js';
import { publishProblems } from '../../../shared/training/draft-rules.js';
import { shippedContentRows } from '../../../shared/training/content-rows.js';
import { newSigningKey, signCertificate, verifyCertificate } from '../../../shared/training/certificate-signing.js';

describe('shipped training content', () => {
  it('has food safety, allergens and fire drills, each with sections and ten or more questions, publishable in EN and FR', () => {
    expect(DEMO_MODULES.map((m) => m.code)).toEqual([
      'FOOD_SAFETY_101',
      'ALLERGENS_101',
      'FIRE_ABANDON_SHIP_101',
      'FIRE_EXTINGUISHER_201',
    ]);
    for (const m of DEMO_MODULES.filter((x) => !x.practicalItems)) {
      expect(m.sections.length).toBeGreaterThanOrEqual(3);
      expect(m.questions.length).toBeGreaterThanOrEqual(10);
      expect(publishProblems(m)).toEqual([]);
      for (const q of m.questions) if (q.kind === 'multiple') expect(q.correct.length).toBeGreaterThan(1);
      for (const p of m.prerequisites) expect(DEMO_MODULES.map((x) => x.code)).toContain(p);
    }
    for (const p of DEMO_PATHS) for (const c of p.moduleCodes) expect(DEMO_MODULES.map((x) => x.code)).toContain(c);
  });
  it('has a mixed assessment: a scenario chain on one situation and practical items, one of them critical, publishable', () => {
    const m = DEMO_MODULES.find((x) => x.code === 'FIRE_EXTINGUISHER_201')!;
    expect(m.questions.every((q) => q.scenario?.en === m.questions[0].scenario?.en)).toBe(true);
    expect(m.practicalItems!.filter((i) => i.critical)).toHaveLength(1);
    expect(publishProblems(m)).toEqual([]);
    const rows = shippedContentRows();
    expect(rows.practicalItems.filter((i) => i.module_id === rows.modules[3].id)).toHaveLength(3);
  });
  it('derives the same ids every time, all distinct', () => {
    const a = shippedContentRows();
    const b = shippedContentRows();
    expect(a).toEqual(b);
    const ids = [...a.modules, ...a.sections, ...a.questions, ...a.practicalItems, ...a.paths].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('certificate signatures', () => {
  const payload = {
    v: 1 as const,
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
  it('verify from the certificate alone and are trusted only with a listed key', () => {
    const key = newSigningKey();
    const { token } = signCertificate(payload, key);
    expect(verifyCertificate(token)).toMatchObject({ ok: true, trusted: false });
    expect(verifyCertificate(token, new Map([[key.keyId, key.publicKey]]))).toMatchObject({
      ok: true,
      trusted: true,
      payload: { h: 'Emma Dubois' },
    });
    const other = newSigningKey();
    expect(verifyCertificate(token, new Map([[other.keyId, other.publicKey]]))).toMatchObject({
      ok: true,
      trusted: false,
    });
  });
  it('refuse a changed payload, a swapped key and garbage', () => {
    const key = newSigningKey();
    const other = newSigningKey();
    const { token } = signCertificate(payload, key);
    const [, body, sig] = token.split('.');
    const json = JSON.parse(Buffer.from(body, 'base64url').toString());
    const edit = (o: object) => `SDC1.${Buffer.from(JSON.stringify({ ...json, ...o })).toString('base64url')}.${sig}`;
    expect(verifyCertificate(edit({ sc: 99 }))).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyCertificate(edit({ pk: other.publicKey, k: other.keyId }))).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyCertificate(edit({ pk: other.publicKey }))).toEqual({ ok: false, reason: 'key_mismatch' });
    expect(verifyCertificate('hello')).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyCertificate('SDC1.!!!.x')).toEqual({ ok: false, reason: 'malformed' });
  });
});
