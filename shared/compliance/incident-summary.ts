import type { ExportDocument, L10n } from '../exports/export-document.js';
import { OPEN_STAGES, SEVERITIES, type Severity, type Stage } from '../incidents/workflow.js';

export interface IncidentSummaryInput {
  /** The period, both ends as instants: from included, to excluded. */
  from: string;
  to: string;
  incidents: readonly { type: string; severity: Severity; stage: string; occurredAt: string }[];
}

export interface IncidentSummary {
  from: string;
  to: string;
  total: number;
  open: number;
  /** One line per incident type that occurred, with counts per severity. */
  byType: { type: string; total: number; open: number; bySeverity: Record<Severity, number> }[];
  bySeverity: Record<Severity, number>;
}

/**
 * How many incidents occurred in a period, by type and severity, and how many are still open
 * (any stage but resolved or closed). Counts only, so confidential incidents are counted without
 * showing anything about them.
 *
 * @example incidentSummary({ from, to, incidents }).byType[0] // { type: 'fire', total: 2, open: 1, bySeverity: {…} }
 */
export function incidentSummary(input: IncidentSummaryInput): IncidentSummary {
  const from = Date.parse(input.from);
  const to = Date.parse(input.to);
  const zero = () => Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const inPeriod = input.incidents.filter((i) => {
    const t = Date.parse(i.occurredAt);
    return t >= from && t < to;
  });
  const isOpen = (stage: string) => (OPEN_STAGES as readonly string[]).includes(stage as Stage);
  const types = new Map<string, IncidentSummary['byType'][number]>();
  const bySeverity = zero();
  for (const i of inPeriod) {
    const line = types.get(i.type) ?? { type: i.type, total: 0, open: 0, bySeverity: zero() };
    line.total++;
    if (isOpen(i.stage)) line.open++;
    line.bySeverity[i.severity]++;
    bySeverity[i.severity]++;
    types.set(i.type, line);
  }
  return {
    from: input.from,
    to: input.to,
    total: inPeriod.length,
    open: inPeriod.filter((i) => isOpen(i.stage)).length,
    byType: [...types.values()].sort((a, b) => b.total - a.total || a.type.localeCompare(b.type)),
    bySeverity,
  };
}

const SEVERITY_WORDS: Record<Severity, L10n> = {
  low: { en: 'Low', fr: 'Faible' },
  medium: { en: 'Medium', fr: 'Moyenne' },
  high: { en: 'High', fr: 'Élevée' },
  critical: { en: 'Critical', fr: 'Critique' },
};

/**
 * The incident summary as an export document (same builders as a compliance report).
 *
 * @example incidentSummaryDocument(summary, 'SITE', now).facts.find((f) => f.key === 'total')?.value // 3
 */
export function incidentSummaryDocument(s: IncidentSummary, site: string, now: string): ExportDocument {
  return {
    kind: 'incident_summary',
    subject: `${site}-${s.from.slice(0, 10)}-${s.to.slice(0, 10)}`,
    title: { en: 'Incident summary', fr: 'Synthèse des incidents' },
    generatedAt: now,
    facts: [
      { key: 'site', label: { en: 'Site', fr: 'Site' }, value: site },
      { key: 'from', label: { en: 'From', fr: 'Du' }, value: s.from },
      { key: 'to', label: { en: 'To (excluded)', fr: 'Au (exclu)' }, value: s.to },
      { key: 'total', label: { en: 'Incidents', fr: 'Incidents' }, value: s.total },
      { key: 'open', label: { en: 'Still open', fr: 'Encore ouverts' }, value: s.open },
      ...SEVERITIES.map((sev) => ({ key: sev, label: SEVERITY_WORDS[sev], value: s.bySeverity[sev] })),
    ],
    tables: [
      {
        id: 'by_type',
        title: { en: 'By type and severity', fr: 'Par type et gravité' },
        columns: [
          { key: 'type', label: { en: 'Type', fr: 'Type' }, width: 1.6 },
          { key: 'total', label: { en: 'Total', fr: 'Total' } },
          { key: 'open', label: { en: 'Open', fr: 'Ouverts' } },
          ...SEVERITIES.map((sev) => ({ key: sev, label: SEVERITY_WORDS[sev] })),
        ],
        rows: s.byType.map((t) => ({ type: t.type, total: t.total, open: t.open, ...t.bySeverity })),
      },
    ],
  };
}
