import { ATTACHMENTS_MUTATIONS } from '../attachments/mutations.js';
import { CLASSES_MUTATIONS } from '../classes/mutations.js';
import { TABLES_MUTATIONS } from '../tables/mutations.js';
import { INCIDENTS_MUTATIONS } from '../incidents/mutations.js';
import { INCIDENT_RECORD_MUTATIONS } from '../incidents/record-mutations.js';
import { COMPLIANCE_MUTATIONS } from '../compliance/mutations.js';
import { FUEL_MUTATIONS } from '../fuel/mutations.js';
import { NOTIFICATIONS_MUTATIONS } from '../notifications/mutations.js';
import { DEVICES_MUTATIONS } from '../devices/mutations.js';
import { HEALTH_MUTATIONS } from '../health/mutations.js';
import { PEOPLE_MUTATIONS } from '../people/mutations.js';
import { TRAINING_MUTATIONS } from '../training/mutations.js';
import { recordAuthEvent } from './audit.js';
import { resolveConflict, useMine } from './conflicts.js';
import type { MutationDef } from './define.js';
import { createSite, setIdleLock, setTimezone, setUpdatePolicy } from './sites.js';
import { createUser, renameUser, setUserPin, setUserRole } from './users.js';
import { COMPLIANCE_EXPORT_MUTATIONS } from '../compliance/export-mutations.js';
import { INCIDENT_EXPORT_MUTATIONS } from '../incidents/export-mutations.js';

/** Every named mutation the kiosk may queue and the server may apply. Nothing else writes synced rows. */
export const MUTATIONS: readonly MutationDef[] = [
  recordAuthEvent,
  createSite,
  setIdleLock,
  setTimezone,
  setUpdatePolicy,
  createUser,
  setUserRole,
  setUserPin,
  renameUser,
  resolveConflict,
  useMine,
  ...CLASSES_MUTATIONS,
  ...TRAINING_MUTATIONS,
  ...TABLES_MUTATIONS,
  ...INCIDENTS_MUTATIONS,
  ...INCIDENT_RECORD_MUTATIONS,
  ...COMPLIANCE_MUTATIONS,
  ...FUEL_MUTATIONS,
  ...NOTIFICATIONS_MUTATIONS,
  ...PEOPLE_MUTATIONS,
  ...COMPLIANCE_EXPORT_MUTATIONS,
  ...INCIDENT_EXPORT_MUTATIONS,
  ...HEALTH_MUTATIONS,
  ...DEVICES_MUTATIONS,
  ...ATTACHMENTS_MUTATIONS,
];

const byName = new Map(MUTATIONS.map((m) => [m.name, m]));

export function findMutation(name: string): MutationDef | undefined {
  return byName.get(name);
}

export type { MutationDef, MutationContext, Writer } from './define.js';
