import type { SyncedRowBase } from '../synced-row.js';

/** One reported incident. Its stage is the latest workflow move; every move is also an incident event. */
export interface IncidentRow extends SyncedRowBase {
  type: 'injury' | 'near_miss' | 'fire' | 'pollution' | 'security' | 'food_safety' | 'equipment' | 'other';
  severity: 'low' | 'medium' | 'high' | 'critical';
  /** A row of incident_places, or one of the site kind's default places (shared/incidents/places.ts). */
  place_id: string;
  /** When it happened (UTC ISO), as the reporter said; created_at is when it was reported. */
  occurred_at: string;
  what_happened: string;
  people_involved: string;
  immediate_actions: string;
  reporter_id: string;
  /** 1: only people who may triage see it (and its reporter). */
  confidential: number;
  stage: string;
  stage_changed_at: string;
  stage_changed_by: string | null;
  deleted_at: string | null;
}

/**
 * Insert-only history of an incident: every workflow move and every SLA pause or resume, who made
 * it, when and why. The SLA clock is computed from these rows on read.
 */
export interface IncidentEventRow extends SyncedRowBase {
  incident_id: string;
  kind: 'reported' | 'move' | 'sla_paused' | 'sla_resumed';
  from_stage: string | null;
  to_stage: string | null;
  reason: string;
  user_id: string | null;
  device_id: string;
  /** When it was made (the mutation's time), UTC ISO. */
  at: string;
}

/** A place of the site an incident can happen at (galley, bridge, dining room, ...). */
export interface IncidentPlaceRow extends SyncedRowBase {
  name_en: string;
  name_fr: string;
  deleted_at: string | null;
}

/** A site's SLA target for one severity. Id derived from (site, severity); absent: the defaults. */
export interface IncidentSlaTargetRow extends SyncedRowBase {
  severity: IncidentRow['severity'];
  ack_minutes: number;
  resolve_minutes: number;
}

/**
 * One escalation of an incident to a level of the site's chain. Id derived from (incident, level),
 * so two kiosks raising the same escalation offline write the same row.
 */
export interface IncidentEscalationRow extends SyncedRowBase {
  incident_id: string;
  level: number;
  reason: 'critical' | 'sla_breach' | 'manual';
  note: string;
  raised_at: string;
  raised_by: string | null;
  device_id: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

/**
 * A corrective or preventive action. Its source is generic (an incident today, a compliance
 * report later): source_kind + source_id, both null for a stand-alone action.
 */
export interface ActionRow extends SyncedRowBase {
  source_kind: string | null;
  source_id: string | null;
  kind: 'corrective' | 'preventive';
  title: string;
  owner_id: string | null;
  /** YYYY-MM-DD at the site. */
  due_date: string;
  status: 'open' | 'in_progress' | 'done' | 'cancelled';
  created_by: string | null;
  deleted_at: string | null;
  /** The role that must carry it out (compliance actions; null for an incident's own). */
  owner_role: string | null;
  /** The report item it answers, when raised by a failed critical item of a compliance report. */
  source_item: string | null;
}

/**
 * A signed seal of an incident's history (shared/incidents/chain.ts): written by the kiosk after
 * each report, move and pause, checked by the server against the device's registered key.
 * Insert-only.
 */
export interface IncidentSealRow extends SyncedRowBase {
  incident_id: string;
  device_id: string;
  /** The device key's id and raw Ed25519 public key (base64url). */
  key_id: string;
  public_key: string;
  /** SHA-256 head (hex) of the chain of the listed entries. */
  head: string;
  /** JSON array of {id, hash} in chain order. */
  entries: string;
  signature: string;
  sealed_at: string;
}

/**
 * An incident's regulatory log (issue 12 §6): one row per incident, id derived from it, merged
 * per field. Absent until someone first sets it; the defaults come from the site kind and type.
 */
export interface IncidentRegulatoryRow extends SyncedRowBase {
  incident_id: string;
  /** JSON array of framework codes (shared/incidents/regulatory.ts). */
  frameworks: string;
  authority_notify: number;
  /** When the authority must be told by (UTC ISO), or null. */
  authority_deadline: string | null;
  report_status: 'not_required' | 'to_report' | 'reported';
  report_reference: string;
  investigation_required: number;
  investigation_done: number;
  review_required: number;
  review_done: number;
}

/** Synced tables of the incidents area, merged into SyncedDatabase (shared/schema.ts). */
export interface IncidentsTables {
  incident_places: IncidentPlaceRow;
  incident_sla_targets: IncidentSlaTargetRow;
  incidents: IncidentRow;
  incident_events: IncidentEventRow;
  incident_escalations: IncidentEscalationRow;
  actions: ActionRow;
  incident_seals: IncidentSealRow;
  incident_regulatory: IncidentRegulatoryRow;
}

/** In dependency order (referenced tables first): pulled pages apply in this order. */
export const INCIDENTS_TABLES: readonly (keyof IncidentsTables)[] = [
  'incident_places',
  'incident_sla_targets',
  'incidents',
  'incident_events',
  'incident_escalations',
  'actions',
  'incident_seals',
  'incident_regulatory',
];
export const INCIDENTS_INSERT_ONLY: readonly (keyof IncidentsTables)[] = ['incident_events', 'incident_seals'];
