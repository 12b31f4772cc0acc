import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../renderer/i18n/index.js';
import { pendingSentence } from '../../../renderer/screens/sync-screen.js';
import { LINK_ERROR_CODES } from '../../../shared/sync/link-error.js';
import { PENDING_KINDS } from '../../../shared/sync/pending-summary.js';

const waiting = {
  pendingCount: 3,
  pendingByKind: [
    { kind: 'classes' as const, count: 2 },
    { kind: 'people' as const, count: 1 },
  ],
};

describe('the Sync screen in words', () => {
  it('says what waits, in English and in French', () => {
    const en = createI18n('en');
    expect(pendingSentence(en.t.bind(en), 'en', waiting)).toBe(
      '3 changes waiting to reach shore: 2 class changes and 1 change to a person.',
    );
    expect(pendingSentence(en.t.bind(en), 'en', { pendingCount: 0, pendingByKind: [] })).toBe(
      'Everything made on this kiosk has reached shore.',
    );
    const fr = createI18n('fr');
    expect(pendingSentence(fr.t.bind(fr), 'fr', waiting)).toBe(
      '3 modifications en attente d’envoi à terre\u00a0: 2 modifications de cours et 1 modification d’une personne.',
    );
  });

  it('has words for every link error and every kind of change, in both languages', () => {
    for (const lang of ['en', 'fr'] as const) {
      const i18n = createI18n(lang);
      for (const code of LINK_ERROR_CODES) expect(i18n.exists(`sync.linkError.${code}`), `${lang} ${code}`).toBe(true);
      for (const kind of PENDING_KINDS)
        expect(i18n.t(`sync.pendingKinds.${kind}`, { count: 2 }), `${lang} ${kind}`).toMatch(/^2 /);
      expect(i18n.t('sync.linkError.unreachable')).not.toMatch(/fetch failed/);
    }
  });
});
