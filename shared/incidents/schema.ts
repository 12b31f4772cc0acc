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

/** Synced tables of the incidents area, merged into SyncedDatabase (shared/schema.ts). */
export interface IncidentsTables {
  incident_places: IncidentPlaceRow;
  incident_sla_targets: IncidentSlaTargetRow;
  incidents: IncidentRow;
  incident_events: IncidentEventRow;
  incident_escalations: IncidentEscalationRow;
  actions: ActionRow;
}

/** In dependency order (referenced tables first): pulled pages apply in this order. */
export const INCIDENTS_TABLES: readonly (keyof IncidentsTables)[] = [
  'incident_places',
  'incident_sla_targets',
  'incidents',
  'incident_events',
  'incident_escalations',
  'actions',
];
export const INCIDENTS_INSERT_ONLY: readonly (keyof IncidentsTables)[] = ['incident_events'];
