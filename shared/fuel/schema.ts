import type { SyncedRowBase } from '../synced-row.js';

/** Fuel types of the IMO DCS and EU MRV (conversion factors in `emissions.ts`). */
export const FUEL_TYPES = ['HFO', 'LFO', 'MDO', 'MGO', 'LNG', 'LPG', 'METHANOL'] as const;
export type FuelType = (typeof FUEL_TYPES)[number];

export const CONSUMERS = ['main_engine', 'auxiliaries', 'boiler'] as const;
export type Consumer = (typeof CONSUMERS)[number];

/**
 * One minute of one engine, summarised on board from the instruments. Insert-only; its id is
 * derived from (site, engine, minute), so a summary recomputed after a restart is the same row.
 * Speeds and distance are the vessel's, repeated on each engine's row of that minute.
 */
export interface FuelMinuteRow extends SyncedRowBase {
  /** Start of the minute, ISO-8601 UTC (GPS time when `gps_time` is 1, else the kiosk's clock). */
  minute: string;
  engine: number;
  samples: number;
  rpm: number | null;
  /** Mean fuel flow over the minute, litres an hour, and the litres burnt in it. */
  fuel_lph: number | null;
  fuel_l: number | null;
  sog_kn: number | null;
  stw_kn: number | null;
  distance_nm: number | null;
  gps_time: 0 | 1;
}

/** Fields every hand-kept reading has: insert-only, a correction names the row it corrects. */
interface ReadingBase extends SyncedRowBase {
  corrects_id: string | null;
  reason: string | null;
  entered_by: string | null;
}

export interface FuelBunkeringRow extends ReadingBase {
  delivered_at: string;
  port: string;
  supplier: string;
  fuel_type: FuelType;
  /** From the bunker delivery note. */
  quantity_t: number;
  density_kg_m3: number;
  sulphur_pct: number;
  note_number: string;
}

export interface FuelSoundingRow extends ReadingBase {
  measured_at: string;
  tank: string;
  fuel_type: FuelType;
  volume_m3: number;
  density_kg_m3: number;
}

export interface FuelNoonReportRow extends ReadingBase {
  /** YYYY-MM-DD, ship's date. */
  report_date: string;
  loading: 'laden' | 'ballast';
  distance_nm: number;
  hours_steaming: number;
  /** JSON array of { fuelType, consumer, tonnes }. */
  consumption: string;
}

export const ANOMALY_KINDS = ['excessive_consumption', 'efficiency_drop', 'unusual_pattern', 'suspect_sensor'] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];
export const ANOMALY_STATUSES = ['open', 'investigating', 'resolved', 'dismissed'] as const;
export type AnomalyStatus = (typeof ANOMALY_STATUSES)[number];

export interface FuelAnomalyRow extends SyncedRowBase {
  kind: AnomalyKind;
  /** Which sensor the evidence came from (`fuel_rate#1`, `stw`). */
  sensor: string;
  engine: number | null;
  expected: number;
  seen: number;
  unit: string;
  since: string;
  detected_at: string;
  status: AnomalyStatus;
  root_cause: string | null;
  resolution: string | null;
  action: string | null;
}

export interface FuelTables {
  fuel_minutes: FuelMinuteRow;
  fuel_bunkerings: FuelBunkeringRow;
  fuel_soundings: FuelSoundingRow;
  fuel_noon_reports: FuelNoonReportRow;
  fuel_anomalies: FuelAnomalyRow;
}

export const FUEL_TABLES: readonly (keyof FuelTables)[] = [
  'fuel_minutes',
  'fuel_bunkerings',
  'fuel_soundings',
  'fuel_noon_reports',
  'fuel_anomalies',
];
export const FUEL_INSERT_ONLY: readonly (keyof FuelTables)[] = [
  'fuel_minutes',
  'fuel_bunkerings',
  'fuel_soundings',
  'fuel_noon_reports',
];
