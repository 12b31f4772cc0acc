import Papa from 'papaparse';
import { isNa, type AnswerValue } from './answer.js';
import { contentHash } from './content-hash.js';
import type { ReportScore } from './scoring.js';
import { templateItems, type TemplateContent } from './template.js';

export interface ReportExportInput {
  reportId: string;
  template: { code: string; version: number; contentHash: string; title: { en: string; fr: string } };
  status: string;
  content: TemplateContent;
  answers: Readonly<Record<string, AnswerValue>>;
  score: ReportScore;
}

/** The answers' hash an export carries: a reader can tell whether two exports hold the same answers. */
export const answersContentHash = (answers: Readonly<Record<string, AnswerValue>>) => contentHash(answers);

const answerText = (a: AnswerValue | undefined) =>
  a === undefined ? '' : isNa(a) ? 'N/A' : typeof a.value === 'string' ? a.value : String(a.value);

/**
 * A report as CSV (RFC 4180, comma, CRLF): one row per item, bilingual labels side by side, the
 * answer and its outcome; the first rows carry the template code, version and content hash, the
 * answers' hash and the score, so a spreadsheet copy still says what it was scored against, and
 * (given) the export document's content hash.
 *
 * @example reportCsv(input) // 'field,value\r\nreport_id,…\r\ntemplate,RESTAURANT_OPENING\r\n…'
 */
export function reportCsv(r: ReportExportInput, documentContentHash?: string): string {
  const head = Papa.unparse(
    [
      ['report_id', r.reportId],
      ['template', r.template.code],
      ['template_version', String(r.template.version)],
      ['template_hash', r.template.contentHash],
      ['answers_hash', answersContentHash(r.answers)],
      ['title_en', r.template.title.en],
      ['title_fr', r.template.title.fr],
      ['status', r.status],
      ['score', String(r.score.score)],
      ['max_score', String(r.score.maxScore)],
      ['passed', r.score.passed ? 'yes' : 'no'],
      // The export document's hash, the same in every format (compliance.export passes it).
      ...(documentContentHash ? [['content_hash', documentContentHash]] : []),
    ],
    { newline: '\r\n' },
  );
  const items = Papa.unparse(
    {
      fields: ['section', 'item', 'label_en', 'label_fr', 'kind', 'critical', 'answer', 'outcome'],
      data: templateItems(r.content).map(({ section, item }) => [
        section.id,
        item.id,
        item.label.en,
        item.label.fr,
        item.kind,
        item.critical ? 'yes' : 'no',
        answerText(r.answers[item.id]),
        r.score.items[item.id] ?? '',
      ]),
    },
    { newline: '\r\n' },
  );
  // A blank line parts the summary from the item table; both parse as plain CSV.
  return `${head}\r\n\r\n${items}\r\n`;
}
