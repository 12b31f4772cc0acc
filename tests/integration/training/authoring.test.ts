import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.js';
import { call, codeOf, makeKiosk, signIn } from '../../helpers/kiosk.js';

type Val = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ok = async (p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<Val> => {
  const r = await p;
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as Val;
};

const draft = (id: string, fr: string) => ({
  id,
  code: 'KNIFE_SAFETY_101',
  title: { en: 'Knife safety', fr },
  description: { en: 'Handling knives.', fr: 'Manipuler les couteaux.' },
  objectives: { en: ['Cut safely'], fr: ['Couper sans danger'] },
  difficulty: 1,
  estimatedMinutes: 10,
  prerequisites: [],
  passThreshold: 80,
  maxAttempts: 3,
  cooldownMinutes: 0,
  validityDays: 0,
  sections: [
    {
      id: newId(),
      title: { en: 'The claw grip', fr: 'La griffe' },
      body: { en: 'Curl your fingers.', fr: 'Repliez les doigts.' },
      image: null,
    },
  ],
  questions: [
    {
      id: newId(),
      kind: 'single' as const,
      prompt: { en: 'Which grip?', fr: 'Quelle prise ?' },
      options: [
        { id: 'a', en: 'Claw', fr: 'Griffe' },
        { id: 'b', en: 'Flat', fr: 'À plat' },
      ],
      correct: ['a'],
      weight: 1,
      explanation: { en: 'Claw.', fr: 'Griffe.' },
    },
  ],
});

describe('authoring a module', () => {
  it('saves a draft, refuses to publish it without French, publishes it complete, and never edits a published version', async () => {
    const { kiosk } = await makeKiosk();
    const admin = await signIn(kiosk, 'admin');
    const id = newId();
    const saved = await ok(call(kiosk, 'training.saveDraft', draft(id, ''), admin));
    expect(saved.problems.map((p: Val) => p.path)).toEqual(['title.fr']);
    expect(codeOf(await call(kiosk, 'training.publish', { moduleId: id }, admin))).toBe('VALIDATION_FAILED');

    await ok(call(kiosk, 'training.saveDraft', draft(id, 'Sécurité des couteaux'), admin));
    await ok(call(kiosk, 'training.publish', { moduleId: id }, admin));
    expect(codeOf(await call(kiosk, 'training.saveDraft', draft(id, 'Autre titre'), admin))).toBe('CONFLICT');

    const staff = await signIn(kiosk, 'staff');
    const cat = await ok(call(kiosk, 'training.catalog', {}, staff));
    expect(cat.modules.find((m: Val) => m.code === 'KNIFE_SAFETY_101')).toMatchObject({
      version: 1,
      title: { fr: 'Sécurité des couteaux' },
    });
    expect(codeOf(await call(kiosk, 'training.saveDraft', draft(newId(), 'x'), staff))).toBe('FORBIDDEN');

    // The next version is a new draft; once published it replaces version 1 in the catalog.
    const v2 = newId();
    await ok(call(kiosk, 'training.saveDraft', draft(v2, 'Sécurité des couteaux (2)'), admin));
    await ok(call(kiosk, 'training.publish', { moduleId: v2 }, admin));
    const after = await ok(call(kiosk, 'training.catalog', {}, staff));
    expect(after.modules.filter((m: Val) => m.code === 'KNIFE_SAFETY_101').map((m: Val) => m.version)).toEqual([2]);
  });
});
