import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../renderer/i18n/index.js';
import { AssessmentReady } from '../../../renderer/screens/training/assessment-ready.js';
import type { ModuleDetail } from '../../../renderer/stores/training-store.js';

const section = (n: number, completed: boolean) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  position: n,
  title: { en: `Section ${n} title`, fr: `Titre de la section ${n}` },
  body: { en: '', fr: '' },
  image: null,
  completed,
  bookmarked: false,
  secondsSpent: 0,
});

const mod = (done: boolean[], used = 1): ModuleDetail =>
  ({
    questionCount: 5,
    passThreshold: 80,
    missingPrerequisites: [],
    sections: done.map((d, i) => section(i + 1, d)),
    attempts: { used, max: 3, allowed: true, reason: null, opensAt: null },
  }) as unknown as ModuleDetail;

const render = (m: ModuleDetail, locale: 'en' | 'fr') =>
  renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n: createI18n(locale) },
      createElement(AssessmentReady, { mod: m, busy: false, onStart: () => undefined }),
    ),
  );

describe('the start of an assessment', () => {
  it('says which sections are still unread when the button is disabled for that reason', () => {
    const html = render(mod([true, false, true, false]), 'en');
    expect(html).toMatch(/data-testid="start-assessment"[^>]*disabled/);
    expect(html).toContain('Read these 2 sections first, then mark them done: Section 2 title, Section 4 title.');
    expect(html).toContain('aria-describedby="assessment-why"');
  });

  it('says it in French too, with French plurals', () => {
    expect(render(mod([true, false]), 'fr')).toContain(
      'Lisez d’abord cette section, puis marquez-la comme faite\u00a0: Titre de la section 2.',
    );
    expect(render(mod([true, true], 1), 'fr')).toContain('1 essai utilisé sur 3');
    expect(render(mod([true, true], 2), 'fr')).toContain('2 essais utilisés sur 3');
  });

  it('says nothing more once every section is read, and the button is enabled', () => {
    const html = render(mod([true, true]), 'en');
    expect(html).not.toContain('unread-sections');
    expect(html).not.toMatch(/data-testid="start-assessment"[^>]*disabled/);
  });
});
