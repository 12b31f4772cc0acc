import type { ExportDocument, ExportFact, L10n } from '../exports/export-document.js';
import type { ClockState } from './sla.js';
import type { IncidentType, Severity, Stage } from './workflow.js';

/** Words for the coded values of an incident, in both languages, as the PDF prints them. */
export const TYPE_WORDS: Readonly<Record<IncidentType, L10n>> = {
  injury: { en: 'Injury', fr: 'Blessure' },
  near_miss: { en: 'Near miss', fr: 'Presque accident' },
  fire: { en: 'Fire', fr: 'Incendie' },
  pollution: { en: 'Pollution', fr: 'Pollution' },
  security: { en: 'Security', fr: 'Sûreté' },
  food_safety: { en: 'Food safety', fr: 'Sécurité alimentaire' },
  equipment: { en: 'Equipment', fr: 'Équipement' },
  other: { en: 'Other', fr: 'Autre' },
};
export const SEVERITY_WORDS: Readonly<Record<Severity, L10n>> = {
  low: { en: 'Low', fr: 'Faible' },
  medium: { en: 'Medium', fr: 'Moyenne' },
  high: { en: 'High', fr: 'Élevée' },
  critical: { en: 'Critical', fr: 'Critique' },
};
export const STAGE_WORDS: Readonly<Record<Stage, L10n>> = {
  reported: { en: 'Reported', fr: 'Signalé' },
  triaging: { en: 'Triaging', fr: 'En tri' },
  under_investigation: { en: 'Under investigation', fr: 'En enquête' },
  escalated: { en: 'Escalated', fr: 'Escaladé' },
  action_required: { en: 'Action required', fr: 'Action requise' },
  resolved: { en: 'Resolved', fr: 'Résolu' },
  closed: { en: 'Closed', fr: 'Clos' },
  reopened: { en: 'Reopened', fr: 'Rouvert' },
};
export const SLA_WORDS: Readonly<Record<ClockState, L10n>> = {
  on_track: { en: 'On track', fr: 'Dans les temps' },
  at_risk: { en: 'At risk', fr: 'À risque' },
  overdue: { en: 'Overdue', fr: 'En retard' },
  paused: { en: 'Paused', fr: 'En pause' },
  met: { en: 'Met', fr: 'Respecté' },
  missed: { en: 'Missed', fr: 'Manqué' },
};
const EVENT_WORDS: Readonly<Record<string, L10n>> = {
  reported: { en: 'Reported', fr: 'Signalement' },
  move: { en: 'Moved', fr: 'Changement d’étape' },
  sla_paused: { en: 'SLA paused', fr: 'Délai suspendu' },
  sla_resumed: { en: 'SLA resumed', fr: 'Délai repris' },
};
const ACTION_WORDS: Readonly<Record<string, L10n>> = {
  corrective: { en: 'Corrective', fr: 'Corrective' },
  preventive: { en: 'Preventive', fr: 'Préventive' },
  open: { en: 'Open', fr: 'Ouverte' },
  in_progress: { en: 'In progress', fr: 'En cours' },
  done: { en: 'Done', fr: 'Faite' },
  cancelled: { en: 'Cancelled', fr: 'Annulée' },
};
const ESCALATION_WORDS: Readonly<Record<string, L10n>> = {
  critical: { en: 'Critical incident', fr: 'Incident critique' },
  sla_breach: { en: 'SLA breached', fr: 'Délai dépassé' },
  manual: { en: 'By hand', fr: 'Manuelle' },
};

/** One incident as the list export has it (what `incidents.list` returns). */
export interface IncidentListEntry {
  id: string;
  type: IncidentType;
  severity: Severity;
  stage: Stage;
  place: L10n;
  occurredAt: string;
  reportedAt: string;
  whatHappened: string;
  reporterName: string | null;
  confidential: boolean;
  escalationLevel: number;
  sla: { state: ClockState };
}

/**
 * The incident list as an export document, one row per incident in the order given: XLSX and CSV
 * keep the codes (`near_miss`), with the place in both languages. Confidential incidents the
 * person may not see are only counted (`confidentialHidden`).
 *
 * @example incidentListDocument(list, { site: 'MV Aurora', open: true }, now).tables[0].rows.length // list.length
 */
export function incidentListDocument(
  list: readonly IncidentListEntry[],
  opts: { site: string; open: boolean; confidentialHidden?: number },
  now: string,
): ExportDocument {
  const scope = opts.open ? 'open' : 'all';
  return {
    kind: 'incident_list',
    subject: `${opts.site}-${scope}`,
    title: { en: 'Incidents', fr: 'Incidents' },
    generatedAt: now,
    facts: [
      { key: 'site', label: { en: 'Site', fr: 'Site' }, value: opts.site },
      {
        key: 'scope',
        label: { en: 'Incidents', fr: 'Incidents' },
        value: scope,
        codes: { open: { en: 'Open only', fr: 'Ouverts seulement' }, all: { en: 'All', fr: 'Tous' } },
      },
      { key: 'count', label: { en: 'Count', fr: 'Nombre' }, value: list.length },
      {
        key: 'confidential_hidden',
        label: { en: 'Confidential, not listed', fr: 'Confidentiels, non listés' },
        value: opts.confidentialHidden ?? 0,
      },
    ],
    tables: [
      {
        id: 'incidents',
        title: { en: 'Incidents', fr: 'Incidents' },
        columns: [
          { key: 'id', label: { en: 'Id', fr: 'Identifiant' }, width: 2 },
          { key: 'reported_at', label: { en: 'Reported', fr: 'Signalé le' }, width: 1.5 },
          { key: 'occurred_at', label: { en: 'Occurred', fr: 'Survenu le' }, width: 1.5 },
          { key: 'type', label: { en: 'Type', fr: 'Type' }, codes: TYPE_WORDS },
          { key: 'severity', label: { en: 'Severity', fr: 'Gravité' }, codes: SEVERITY_WORDS },
          { key: 'stage', label: { en: 'Stage', fr: 'Étape' }, codes: STAGE_WORDS },
          { key: 'sla', label: { en: 'SLA', fr: 'Délai' }, codes: SLA_WORDS },
          { key: 'escalation_level', label: { en: 'Escalation level', fr: 'Niveau d’escalade' } },
          { key: 'place_en', label: { en: 'Place (English)', fr: 'Lieu (anglais)' } },
          { key: 'place_fr', label: { en: 'Place (French)', fr: 'Lieu (français)' } },
          { key: 'reporter', label: { en: 'Reporter', fr: 'Déclarant' } },
          { key: 'confidential', label: { en: 'Confidential', fr: 'Confidentiel' } },
          { key: 'what_happened', label: { en: 'What happened', fr: 'Ce qui s’est passé' }, width: 3 },
        ],
        rows: list.map((i) => ({
          id: i.id,
          reported_at: i.reportedAt,
          occurred_at: i.occurredAt,
          type: i.type,
          severity: i.severity,
          stage: i.stage,
          sla: i.sla.state,
          escalation_level: i.escalationLevel,
          place_en: i.place.en,
          place_fr: i.place.fr,
          reporter: i.reporterName,
          confidential: i.confidential,
          what_happened: i.whatHappened,
        })),
      },
    ],
  };
}

/** One incident with its history, escalations and actions (what `incidents.detail` returns). */
export interface IncidentReportInput extends IncidentListEntry {
  peopleInvolved: string;
  immediateActions: string;
  sla: {
    state: ClockState;
    acknowledge: { state: ClockState; stoppedAt: string | null };
    resolve: { state: ClockState; stoppedAt: string | null };
  };
  history: readonly {
    id: string;
    kind: string;
    from: string | null;
    to: string | null;
    reason: string;
    personName: string | null;
    at: string;
  }[];
  escalations: readonly {
    level: number;
    levelName: L10n;
    reason: string;
    note: string;
    raisedAt: string;
    raisedByName: string | null;
    acknowledgedAt: string | null;
    acknowledgedByName: string | null;
  }[];
  actions: readonly { kind: string; title: string; ownerName: string | null; dueDate: string; status: string }[];
  /** Photos attached to the report (by content hash); absent in documents made before photos. */
  photos?: readonly { sha256: string; size: number; addedAt: string; addedByName: string | null }[];
}

/**
 * One incident's report as an export document, for the bilingual PDF: the facts of the report,
 * its SLA, then its history (each entry signed by the person who made it and the kiosk it was
 * made on), its escalations with who raised and acknowledged them, its actions, and the
 * regulatory fields when the incident has any (`regulatory`, passed as facts).
 *
 * @example incidentReportDocument(detail, { site: 'MV Aurora', devices }, now).tables.map((t) => t.id) // ['history', 'escalations', 'actions', 'photos']
 */
export function incidentReportDocument(
  d: IncidentReportInput,
  opts: { site: string; deviceOf?: ReadonlyMap<string, string>; regulatory?: readonly ExportFact[] },
  now: string,
): ExportDocument {
  const fact = (key: string, en: string, fr: string, value: ExportFact['value'], codes?: ExportFact['codes']) => ({
    key,
    label: { en, fr },
    value,
    ...(codes ? { codes } : {}),
  });
  return {
    kind: 'incident_report',
    subject: d.id,
    title: { en: 'Incident report', fr: 'Rapport d’incident' },
    generatedAt: now,
    facts: [
      fact('site', 'Site', 'Site', opts.site),
      fact('incident', 'Incident', 'Incident', d.id),
      fact('type', 'Type', 'Type', d.type, TYPE_WORDS),
      fact('severity', 'Severity', 'Gravité', d.severity, SEVERITY_WORDS),
      fact('stage', 'Stage', 'Étape', d.stage, STAGE_WORDS),
      fact('place', 'Place', 'Lieu', d.place.en === d.place.fr ? d.place.en : `${d.place.en} / ${d.place.fr}`),
      fact('occurred_at', 'Occurred', 'Survenu le', d.occurredAt),
      fact('reported_at', 'Reported', 'Signalé le', d.reportedAt),
      fact('reporter', 'Reported by', 'Signalé par', d.reporterName),
      fact('confidential', 'Confidential', 'Confidentiel', d.confidential),
      fact('what_happened', 'What happened', 'Ce qui s’est passé', d.whatHappened),
      fact('people_involved', 'People involved', 'Personnes impliquées', d.peopleInvolved),
      fact('immediate_actions', 'Immediate actions', 'Mesures immédiates', d.immediateActions),
      fact('sla_acknowledge', 'Acknowledge target', 'Délai de prise en charge', d.sla.acknowledge.state, SLA_WORDS),
      fact('sla_resolve', 'Resolve target', 'Délai de résolution', d.sla.resolve.state, SLA_WORDS),
      fact('escalation_level', 'Escalation level', 'Niveau d’escalade', d.escalationLevel),
      ...(opts.regulatory ?? []),
    ],
    tables: [
      {
        id: 'history',
        title: { en: 'History and signatures', fr: 'Historique et signatures' },
        columns: [
          { key: 'at', label: { en: 'When', fr: 'Quand' }, width: 1.6 },
          { key: 'kind', label: { en: 'What', fr: 'Quoi' }, codes: EVENT_WORDS },
          { key: 'from', label: { en: 'From', fr: 'De' }, codes: STAGE_WORDS },
          { key: 'to', label: { en: 'To', fr: 'À' }, codes: STAGE_WORDS },
          { key: 'reason', label: { en: 'Why', fr: 'Pourquoi' }, width: 2 },
          { key: 'signed_by', label: { en: 'Signed by', fr: 'Signé par' }, width: 1.2 },
          { key: 'device', label: { en: 'Kiosk', fr: 'Borne' }, width: 1.2 },
        ],
        rows: d.history.map((h) => ({
          at: h.at,
          kind: h.kind,
          from: h.from,
          to: h.to,
          reason: h.reason,
          signed_by: h.personName,
          device: opts.deviceOf?.get(h.id) ?? null,
        })),
      },
      {
        id: 'escalations',
        title: { en: 'Escalations', fr: 'Escalades' },
        columns: [
          { key: 'level', label: { en: 'Level', fr: 'Niveau' }, width: 0.6 },
          { key: 'to', label: { en: 'To', fr: 'Vers' }, width: 1.4 },
          { key: 'reason', label: { en: 'Why', fr: 'Pourquoi' }, codes: ESCALATION_WORDS },
          { key: 'raised_at', label: { en: 'Raised', fr: 'Levée le' }, width: 1.4 },
          { key: 'raised_by', label: { en: 'Raised by', fr: 'Levée par' } },
          { key: 'acknowledged_at', label: { en: 'Acknowledged', fr: 'Prise en compte le' }, width: 1.4 },
          { key: 'acknowledged_by', label: { en: 'Acknowledged by', fr: 'Prise en compte par' } },
        ],
        rows: d.escalations.map((e) => ({
          level: e.level,
          to: e.levelName.en === e.levelName.fr ? e.levelName.en : `${e.levelName.en} / ${e.levelName.fr}`,
          reason: e.reason,
          raised_at: e.raisedAt,
          raised_by: e.raisedByName,
          acknowledged_at: e.acknowledgedAt,
          acknowledged_by: e.acknowledgedByName,
        })),
      },
      {
        id: 'actions',
        title: { en: 'Corrective and preventive actions', fr: 'Actions correctives et préventives' },
        columns: [
          { key: 'kind', label: { en: 'Kind', fr: 'Type' }, codes: ACTION_WORDS },
          { key: 'title', label: { en: 'Action', fr: 'Action' }, width: 2.5 },
          { key: 'owner', label: { en: 'Owner', fr: 'Responsable' } },
          { key: 'due_date', label: { en: 'Due', fr: 'Échéance' } },
          { key: 'status', label: { en: 'Status', fr: 'Statut' }, codes: ACTION_WORDS },
        ],
        rows: d.actions.map((a) => ({
          kind: a.kind,
          title: a.title,
          owner: a.ownerName,
          due_date: a.dueDate,
          status: a.status,
        })),
      },
      {
        // Each photo by its content hash: any copy of the file can be matched to the report. The
        // PDF also shows the pictures this kiosk holds.
        id: 'photos',
        title: { en: 'Photos', fr: 'Photos' },
        columns: [
          { key: 'n', label: { en: 'No.', fr: 'N°' }, width: 0.4 },
          { key: 'sha256', label: { en: 'SHA-256', fr: 'SHA-256' }, width: 3.4 },
          { key: 'bytes', label: { en: 'Bytes', fr: 'Octets' }, width: 0.8 },
          { key: 'added_at', label: { en: 'Added', fr: 'Ajoutée le' }, width: 1.4 },
          { key: 'added_by', label: { en: 'Added by', fr: 'Ajoutée par' } },
        ],
        rows: (d.photos ?? []).map((p, i) => ({
          n: i + 1,
          sha256: p.sha256,
          bytes: p.size,
          added_at: p.addedAt,
          added_by: p.addedByName,
        })),
      },
    ],
  };
}
