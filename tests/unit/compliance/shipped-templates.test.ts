import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../shared/compliance/content-hash.js';
import { scoreReport } from '../../../shared/compliance/scoring.js';
import { SHIPPED_TEMPLATES, shippedTemplateRows } from '../../../shared/compliance/template-rows.js';
import { SCORING_METHODS, templateContent, templateItems } from '../../../shared/compliance/template.js';
import { randomAnswers } from '../../helpers/compliance-answers.js';
import { seedFromEnv, seededRandom } from '../../helpers/seeded-random.js';

describe('shipped compliance templates', () => {
  it('are the seven of the issue, each valid, bilingual and with a signature', () => {
    expect(SHIPPED_TEMPLATES.map((t) => t.code)).toEqual([
      'RESTAURANT_OPENING',
      'HACCP_TEMPERATURE_LOG',
      'ALLERGEN_AUDIT',
      'ISM_INTERNAL_AUDIT',
      'FIRE_LSA_WEEKLY',
      'MARPOL_OIL_RECORD',
      'DRILL_RECORD',
    ]);
    for (const t of SHIPPED_TEMPLATES) {
      const c = templateContent.parse(t.content);
      expect(t.title.fr).not.toBe(t.title.en);
      for (const { section, item } of templateItems(c)) {
        expect(section.title.fr.length).toBeGreaterThan(0);
        expect(item.label.fr, `${t.code}.${item.id}`).not.toBe(item.label.en);
      }
      expect(templateItems(c).some(({ item }) => item.kind === 'signature')).toBe(true);
    }
    // Between them they use every scoring method.
    expect(new Set(SHIPPED_TEMPLATES.map((t) => t.content.method))).toEqual(new Set(SCORING_METHODS));
  });

  it('derive the same rows every time, with distinct ids and the hash of their content', () => {
    const a = shippedTemplateRows();
    expect(a).toEqual(shippedTemplateRows());
    expect(new Set(a.map((r) => r.id)).size).toBe(a.length);
    for (const r of a) expect(r.content_hash).toBe(contentHash(JSON.parse(r.content)));
  });

  it('score the same from the stored row as from the shipped source, under every method', () => {
    const rnd = seededRandom(seedFromEnv(20261202));
    for (const row of shippedTemplateRows()) {
      const source = templateContent.parse(SHIPPED_TEMPLATES.find((t) => t.code === row.code)!.content);
      const stored = templateContent.parse(JSON.parse(row.content));
      for (const method of SCORING_METHODS) {
        for (let i = 0; i < 20; i++) {
          const answers = randomAnswers(source, rnd);
          const a = scoreReport({ ...source, method }, answers);
          const b = scoreReport({ ...stored, method }, JSON.parse(JSON.stringify(answers)));
          expect(b, `${row.code} ${method} seed ${rnd.seed}`).toEqual(a);
          expect(Number.isFinite(a.score)).toBe(true);
          if (method !== 'points') expect(a.score).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });
});
