import { reportDocument } from '../../shared/compliance/report-document.js';
import { scoreReport } from '../../shared/compliance/scoring.js';
import { templateContent, type TemplateContentInput } from '../../shared/compliance/template.js';
import { documentCsv } from '../../shared/exports/document-csv.js';
import { documentJson } from '../../shared/exports/document-json.js';
import { documentPdf } from '../../shared/exports/document-pdf.js';
import { documentXml } from '../../shared/exports/document-xml.js';
import { documentXlsx } from '../../electron/core/exports/document-xlsx.js';
import { randomAnswers } from '../helpers/compliance-answers.js';
import { seededRandom } from '../helpers/seeded-random.js';
import { medianMs, type Figure } from './bench-kit.js';

/**
 * Scoring and exporting a 500-item compliance report (issue 13): 10 sections of 50 items of every
 * kind, answered at random from a fixed seed. Goals are absolute: under 200 ms to score, under 2 s
 * for the bilingual PDF. The baseline, in the same run, is `JSON.stringify` of the answers (the
 * least any export must do); the other formats are measured against it too.
 */
const ITEMS = 500;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function bigTemplate(): TemplateContentInput {
  const kinds = ['yes_no', 'number', 'choice', 'text', 'yes_no', 'number', 'date', 'signature'] as const;
  return {
    method: 'weighted',
    passMark: 80,
    sections: Array.from({ length: 10 }, (_, s) => ({
      id: `s${s}`,
      title: { en: `Section ${s + 1}: deck and engine checks`, fr: `Section ${s + 1} : contrôles pont et machine` },
      weight: 1 + (s % 3),
      passMark: s % 4 === 0 ? 60 : undefined,
      items: Array.from({ length: ITEMS / 10 }, (_, i) => {
        const kind = kinds[i % kinds.length];
        const id = `s${s}_i${i}`;
        const label = {
          en: `Item ${i + 1} of section ${s + 1}: check the equipment is in place, tested and logged`,
          fr: `Point ${i + 1} de la section ${s + 1} : vérifier que l’équipement est en place, testé et consigné`,
        };
        const base = { id, kind, label, weight: 1 + (i % 5), allowNa: i % 7 === 0 };
        if (kind === 'number') return { ...base, critical: i % 11 === 0, range: { min: 0, max: 5, unit: '°C' } };
        if (kind === 'choice')
          return {
            ...base,
            options: [
              { id: 'good', label: { en: 'Good', fr: 'Bon' }, pass: true },
              { id: 'fair', label: { en: 'Fair', fr: 'Passable' }, pass: true },
              { id: 'poor', label: { en: 'Poor', fr: 'Mauvais' }, pass: false },
            ],
          };
        if (kind === 'text') return { ...base, required: false, allowNa: false };
        if (kind === 'date' || kind === 'signature') return { ...base, allowNa: false };
        return base;
      }),
    })),
  };
}

export async function run(): Promise<Figure[]> {
  const content = templateContent.parse(bigTemplate());
  const answers = randomAnswers(content, seededRandom(500));
  const score = scoreReport(content, answers);
  const doc = reportDocument(
    {
      reportId: '0f6b3a52-6a40-4b8e-9a37-6a2b1f0c5d11',
      template: { code: 'BENCH_500', version: 1, contentHash: 'c'.repeat(64), title: { en: 'Bench', fr: 'Banc' } },
      status: 'approved',
      content,
      answers,
      score,
    },
    [
      {
        step: 'submit',
        userName: 'Bench',
        roleCode: 'officer',
        comment: null,
        score: score.score,
        at: '2026-11-22T09:00:00.000Z',
      },
    ],
    '2026-11-22T09:00:00.000Z',
  );
  // Warm-up: the first PDF loads the standard font metrics.
  await documentPdf(doc);
  await documentXlsx(doc);

  const baseline = await medianMs(RUNS * 3, () => JSON.stringify(answers));
  const timed: [string, number, string, number | null][] = [
    [
      'compliance: score a 500-item report',
      await medianMs(RUNS * 3, () => scoreReport(content, answers)),
      '< 200 ms',
      200,
    ],
    ['compliance: 500-item report to PDF', await medianMs(RUNS, () => documentPdf(doc)), '< 2000 ms', 2000],
    ['compliance: 500-item report to XLSX', await medianMs(RUNS, () => documentXlsx(doc)), 'none (reported)', null],
    ['compliance: 500-item report to CSV', await medianMs(RUNS, () => documentCsv(doc)), 'none (reported)', null],
    ['compliance: 500-item report to JSON', await medianMs(RUNS, () => documentJson(doc)), 'none (reported)', null],
    ['compliance: 500-item report to XML', await medianMs(RUNS, () => documentXml(doc)), 'none (reported)', null],
  ];
  return timed.map(([name, value, goal, limit]) => ({
    name,
    value,
    unit: 'ms',
    baseline,
    ratio: value / baseline,
    goal,
    met: limit === null || value < limit,
  }));
}
