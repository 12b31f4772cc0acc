import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { reportCsv, answersContentHash } from '../../../shared/compliance/report-csv.js';
import { RESTAURANT_TEMPLATES } from '../../../shared/compliance/restaurant-templates.js';
import { scoreReport } from '../../../shared/compliance/scoring.js';
import { templateContent, templateItems } from '../../../shared/compliance/template.js';
import { passingAnswers } from '../../helpers/compliance-answers.js';

const shipped = RESTAURANT_TEMPLATES.find((t) => t.code === 'RESTAURANT_OPENING')!;
const content = templateContent.parse(shipped.content);

describe('a compliance report as CSV', () => {
  it('reads back with a CSV parser into the template version, hashes, score and every answer', () => {
    const answers = {
      ...passingAnswers(content),
      fridge_temp: { value: 7 },
      remarks: { value: 'Door "sticks", ask maintenance\nagain' },
    };
    const score = scoreReport(content, answers);
    const csv = reportCsv({
      reportId: 'r-1',
      template: { code: shipped.code, version: 1, contentHash: 'abc', title: shipped.title },
      status: 'submitted',
      content,
      answers,
      score,
    });
    const [head, table] = csv.split('\r\n\r\n');
    const summary = Object.fromEntries(Papa.parse<string[]>(head).data.map(([k, v]) => [k, v]));
    expect(summary).toMatchObject({
      template: 'RESTAURANT_OPENING',
      template_version: '1',
      template_hash: 'abc',
      answers_hash: answersContentHash(answers),
      score: String(score.score),
      passed: 'no',
    });
    const rows = Papa.parse<Record<string, string>>(table.trim(), { header: true }).data;
    expect(rows.length).toBe(templateItems(content).length);
    expect(rows.find((r) => r.item === 'fridge_temp')).toMatchObject({ answer: '7', outcome: 'fail', critical: 'yes' });
    // Quotes and line breaks in an answer survive the round trip.
    expect(rows.find((r) => r.item === 'remarks')?.answer).toBe('Door "sticks", ask maintenance\nagain');
    expect(rows.find((r) => r.item === 'fridge_temp')?.label_fr).toBe('Température de la chambre froide');
  });
});
