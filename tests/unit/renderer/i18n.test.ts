import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/errors.js';
import { AREAS } from '../../../shared/permissions.js';
import { DEVICE_AUDIT_ACTIONS } from '../../../shared/mutations/audit.js';
import { MUTATIONS } from '../../../shared/mutations/index.js';
import { AUDIT_AREA_IDS } from '../../../shared/audit/areas.js';
import { AUDIT_DETAIL_KEYS } from '../../../shared/audit/mutation-audit.js';
import { EXPORT_AUDIT_ACTION } from '../../../shared/compliance/export-mutations.js';
import { INCIDENT_EXPORT_AUDIT_ACTION } from '../../../shared/incidents/export-mutations.js';
import { REPORT_EXPORTED } from '../../../shared/training/report-mutations.js';
import { describeError } from '../../../renderer/i18n/describe-error.js';
import { en } from '../../../renderer/i18n/en.js';
import { fr } from '../../../renderer/i18n/fr.js';
import { RESOURCES, createI18n } from '../../../renderer/i18n/index.js';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(obj: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}

const enKeys = flatten(en);
const frKeys = flatten(fr);

describe('translations', () => {
  it('every English key exists in French', () => {
    expect([...enKeys.keys()].filter((k) => !frKeys.has(k))).toEqual([]);
  });

  it('every French key exists in English', () => {
    expect([...frKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('every text is a non-empty string in both languages', () => {
    for (const [lang, keys] of [
      ['en', enKeys],
      ['fr', frKeys],
    ] as const) {
      const bad = [...keys].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => `${lang}:${k}`);
      expect(bad).toEqual([]);
    }
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const vars = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const differ = [...enKeys.keys()].filter(
      (k) => JSON.stringify(vars(enKeys.get(k))) !== JSON.stringify(vars(frKeys.get(k))),
    );
    expect(differ).toEqual([]);
  });

  it('every plural key has every form the language needs', () => {
    for (const [lang, keys] of [
      ['en', enKeys],
      ['fr', frKeys],
    ] as const) {
      const bases = new Set([...keys.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
      const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const base of bases)
        for (const cat of needed) expect(keys.has(`${base}_${cat}`), `${lang}: ${base}_${cat}`).toBe(true);
    }
  });

  it('has a message for every error code, in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(enKeys.get(`errors.${code}`), `en errors.${code}`).toEqual(expect.any(String));
      expect(frKeys.get(`errors.${code}`), `fr errors.${code}`).toEqual(expect.any(String));
    }
  });

  it('names every area and every device audit action', () => {
    for (const a of AREAS) expect(enKeys.has(`areas.${a.id}`) && frKeys.has(`areas.${a.id}`), a.id).toBe(true);
    for (const action of DEVICE_AUDIT_ACTIONS) expect(enKeys.has(`audit.actions.${action}`), action).toBe(true);
  });

  it('puts every audited mutation, area and kept detail in words, in both languages', () => {
    const actions = [
      ...MUTATIONS.filter((m) => !m.audit).map((m) => m.name),
      EXPORT_AUDIT_ACTION,
      INCIDENT_EXPORT_AUDIT_ACTION,
      REPORT_EXPORTED,
      'training.certificate_expired',
    ];
    const keys = [
      ...actions.map((a) => `audit.actions.${a}`),
      ...AUDIT_AREA_IDS.map((a) => `audit.areas.${a}`),
      ...AUDIT_DETAIL_KEYS.map((k) => `audit.detailKeys.${k}`),
    ];
    expect(keys.filter((k) => typeof enKeys.get(k) !== 'string')).toEqual([]);
    expect(keys.filter((k) => typeof frKeys.get(k) !== 'string')).toEqual([]);
  });

  it('French uses non-breaking spaces before ? : ; !', () => {
    const bad = [...frKeys].filter(([, v]) => / [?:;!]/.test(String(v))).map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it('bundles both languages for the offline kiosk', () => {
    expect(Object.keys(RESOURCES).sort()).toEqual(['en', 'fr']);
    const i18n = createI18n('fr');
    expect(i18n.t('pin.chooseTitle')).toBe('Qui travaille\u00a0?');
    void i18n.changeLanguage('en');
    expect(i18n.t('pin.chooseTitle')).toBe('Who is working?');
  });
});

describe('describeError', () => {
  const en18 = createI18n('en');
  const fr18 = createI18n('fr');

  it('translates the code and ignores the English message', () => {
    const e = { code: 'FORBIDDEN' as const, message: 'raw english from the core' };
    expect(describeError(en18.t, 'en', e)).toBe(en.errors.FORBIDDEN);
    expect(describeError(fr18.t, 'fr', e)).toBe(fr.errors.FORBIDDEN);
  });

  it('says how many PIN attempts are left, with plurals', () => {
    const e = (n: number) => ({ code: 'PIN_INVALID' as const, message: 'x', details: { attemptsLeft: n } });
    expect(describeError(en18.t, 'en', e(1))).toBe('Wrong PIN. 1 attempt left before this person is locked.');
    expect(describeError(en18.t, 'en', e(3))).toBe('Wrong PIN. 3 attempts left before this person is locked.');
    expect(describeError(fr18.t, 'fr', e(1))).toContain('Encore 1 essai ');
    expect(describeError(en18.t, 'en', { code: 'PIN_INVALID', message: 'x' })).toBe(en.errors.PIN_INVALID);
  });

  it('says until when a person is locked, in local time', () => {
    // A fixed clock: with the real one, a run in the quarter-hour before midnight crossed the day.
    const now = new Date('2026-11-22T09:00:00Z');
    const until = new Date(now.getTime() + 15 * 60_000);
    const text = describeError(
      en18.t,
      'en',
      { code: 'USER_LOCKED', message: 'x', details: { lockedUntil: until.toISOString() } },
      now,
    );
    // British English: a 24-hour clock, never the US '10:51 PM'.
    const hhmm = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }).format(until);
    expect(text).toBe(`Too many wrong PINs. This person is locked until ${hhmm}.`);
    expect(describeError(en18.t, 'en', { code: 'USER_LOCKED', message: 'x' })).toBe(en.errors.USER_LOCKED);
  });

  it('says the service is unreachable for a transport failure, and falls back for unknown codes', () => {
    expect(describeError(fr18.t, 'fr', { code: 'INTERNAL', message: 'x', details: { reason: 'unreachable' } })).toBe(
      fr.errors.INTERNAL_unreachable,
    );
    expect(describeError(en18.t, 'en', { code: 'NEW_CODE' as 'INTERNAL', message: 'x' })).toBe(en.errors.INTERNAL);
  });
});
