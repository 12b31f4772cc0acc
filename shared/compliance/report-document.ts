import type { ExportDocument, L10n } from '../exports/export-document.js';
import { isNa } from './answer.js';
import { answersContentHash, type ReportExportInput } from './report-csv.js';
import { templateItems, type TemplateItem } from './template.js';

export interface ReportApprovalLine {
  step: string;
  userName: string | null;
  roleCode: string;
  comment: string | null;
  score: number | null;
  at: string;
}

const OUTCOMES: Record<string, L10n> = {
  pass: { en: 'Pass', fr: 'Conforme' },
  fail: { en: 'Fail', fr: 'Non conforme' },
  na: { en: 'N/A', fr: 'S.O.' },
  unanswered: { en: 'Not answered', fr: 'Sans réponse' },
  unscored: { en: 'Recorded', fr: 'Consigné' },
};
const YES_NO: Record<string, L10n> = {
  yes: { en: 'Yes', fr: 'Oui' },
  no: { en: 'No', fr: 'Non' },
  'N/A': { en: 'N/A', fr: 'S.O.' },
};
const STATUSES: Record<string, L10n> = {
  draft: { en: 'Draft', fr: 'Brouillon' },
  submitted: { en: 'Submitted', fr: 'Soumis' },
  reviewed: { en: 'Reviewed', fr: 'Vérifié' },
  approved: { en: 'Approved on board', fr: 'Approuvé à bord' },
  returned: { en: 'Returned', fr: 'Renvoyé' },
  countersigned: { en: 'Countersigned ashore', fr: 'Contresigné à terre' },
};
const METHODS: Record<string, L10n> = {
  percentage: { en: 'Percentage', fr: 'Pourcentage' },
  weighted: { en: 'Weighted', fr: 'Pondéré' },
  pass_fail: { en: 'Pass or fail', fr: 'Réussite ou échec' },
  points: { en: 'Points', fr: 'Points' },
};
const STEPS: Record<string, L10n> = {
  submit: { en: 'Submitted', fr: 'Soumis' },
  review: { en: 'Reviewed', fr: 'Vérifié' },
  approve: { en: 'Approved on board', fr: 'Approuvé à bord' },
  return: { en: 'Returned', fr: 'Renvoyé' },
  countersign: { en: 'Countersigned ashore', fr: 'Contresigné à terre' },
};

/** What passes an item, in words: 'yes', '0 – 5 °C', the passing options; '' for evidence items. */
function expectedOf(item: TemplateItem): string {
  switch (item.kind) {
    case 'yes_no':
      return item.expect ?? 'yes';
    case 'number': {
      const { min, max, unit } = item.range!;
      if (min !== undefined && max !== undefined) return `${min} – ${max} ${unit}`;
      return min !== undefined ? `≥ ${min} ${unit}` : `≤ ${max} ${unit}`;
    }
    case 'choice':
      return item
        .options!.filter((o) => o.pass)
        .map((o) => (o.label.en === o.label.fr ? o.label.en : `${o.label.en} / ${o.label.fr}`))
        .join('; ');
    default:
      return '';
  }
}

/**
 * A compliance report as an export document: the template code, version and hash, the answers'
 * hash, status and scores as facts; then the sections with their scores, every item with its
 * English and French label, answer and outcome, and the signed approval steps. Choice answers are
 * shown as their option's label, numbers with what passes (range and unit); photos and signatures
 * as their content hash.
 *
 * @example reportDocument(input, approvals, '2026-03-01T09:00:00.000Z').tables.map((t) => t.id)
 *   // ['sections', 'items', 'approvals']
 */
export function reportDocument(
  r: ReportExportInput,
  approvals: readonly ReportApprovalLine[],
  generatedAt: string,
): ExportDocument {
  const answerOf = (itemId: string, options?: { id: string; label: L10n }[]) => {
    const a = r.answers[itemId];
    if (a === undefined) return null;
    if (isNa(a)) return 'N/A';
    const option = typeof a.value === 'string' ? options?.find((o) => o.id === a.value) : undefined;
    return option ? `${option.label.en} / ${option.label.fr}` : a.value;
  };
  return {
    kind: 'compliance_report',
    subject: r.reportId,
    title: r.template.title,
    generatedAt,
    facts: [
      { key: 'report_id', label: { en: 'Report', fr: 'Rapport' }, value: r.reportId },
      { key: 'template', label: { en: 'Template', fr: 'Modèle' }, value: r.template.code },
      {
        key: 'template_version',
        label: { en: 'Template version', fr: 'Version du modèle' },
        value: r.template.version,
      },
      {
        key: 'template_hash',
        label: { en: 'Template hash', fr: 'Empreinte du modèle' },
        value: r.template.contentHash,
      },
      {
        key: 'answers_hash',
        label: { en: 'Answers hash', fr: 'Empreinte des réponses' },
        value: answersContentHash(r.answers),
      },
      { key: 'status', label: { en: 'Status', fr: 'Statut' }, value: r.status, codes: STATUSES },
      {
        key: 'method',
        label: { en: 'Scoring method', fr: 'Méthode de notation' },
        value: r.content.method,
        codes: METHODS,
      },
      { key: 'score', label: { en: 'Score', fr: 'Score' }, value: r.score.score },
      { key: 'max_score', label: { en: 'Out of', fr: 'Sur' }, value: r.score.maxScore },
      { key: 'passed', label: { en: 'Passed', fr: 'Réussi' }, value: r.score.passed },
      {
        key: 'failed_critical',
        label: { en: 'Failed critical items', fr: 'Points critiques non conformes' },
        value: r.score.failedCritical.join(', '),
      },
    ],
    tables: [
      {
        id: 'sections',
        title: { en: 'Scores by section', fr: 'Scores par section' },
        columns: [
          { key: 'section', label: { en: 'Section', fr: 'Section' }, width: 1.2 },
          { key: 'title_en', label: { en: 'Title', fr: 'Titre (EN)' }, width: 2.5 },
          { key: 'title_fr', label: { en: 'Title (FR)', fr: 'Titre' }, width: 2.5 },
          { key: 'score', label: { en: 'Score %', fr: 'Score %' }, width: 0.8 },
          { key: 'passed', label: { en: 'Passed', fr: 'Réussie' }, width: 0.8 },
        ],
        rows: r.content.sections.map((s) => {
          const score = r.score.sections.find((x) => x.id === s.id);
          return {
            section: s.id,
            title_en: s.title.en,
            title_fr: s.title.fr,
            score: score?.score ?? null,
            passed: score?.passed ?? null,
          };
        }),
      },
      {
        id: 'items',
        title: { en: 'Answers', fr: 'Réponses' },
        columns: [
          { key: 'section', label: { en: 'Section', fr: 'Section' }, width: 0.9 },
          { key: 'item', label: { en: 'Item', fr: 'Point' }, width: 1.1 },
          { key: 'label_en', label: { en: 'English', fr: 'Anglais' }, width: 2.2 },
          { key: 'label_fr', label: { en: 'French', fr: 'Français' }, width: 2.2 },
          { key: 'critical', label: { en: 'Critical', fr: 'Critique' }, width: 0.9 },
          { key: 'expected', label: { en: 'Passes on', fr: 'Conforme si' }, width: 1.1, codes: YES_NO },
          { key: 'answer', label: { en: 'Answer', fr: 'Réponse' }, width: 1.3, codes: YES_NO },
          { key: 'outcome', label: { en: 'Outcome', fr: 'Résultat' }, width: 1.2, codes: OUTCOMES },
        ],
        rows: templateItems(r.content).map(({ section, item }) => ({
          section: section.id,
          item: item.id,
          label_en: item.label.en,
          label_fr: item.label.fr,
          critical: item.critical,
          expected: expectedOf(item),
          answer: answerOf(item.id, item.options),
          outcome: r.score.items[item.id] ?? null,
        })),
      },
      {
        id: 'approvals',
        title: { en: 'Signatures and approval steps', fr: 'Signatures et étapes d’approbation' },
        columns: [
          { key: 'step', label: { en: 'Step', fr: 'Étape' }, width: 1.4, codes: STEPS },
          { key: 'person', label: { en: 'Signed by', fr: 'Signé par' }, width: 1.4 },
          { key: 'role', label: { en: 'Role', fr: 'Rôle' }, width: 1 },
          { key: 'comment', label: { en: 'Comment', fr: 'Commentaire' }, width: 2 },
          { key: 'score', label: { en: 'Score', fr: 'Score' }, width: 0.7 },
          { key: 'at', label: { en: 'Signed at', fr: 'Signé le' }, width: 1.6 },
        ],
        rows: approvals.map((a) => ({
          step: a.step,
          person: a.userName,
          role: a.roleCode,
          comment: a.comment,
          score: a.score,
          at: a.at,
        })),
      },
    ],
  };
}
