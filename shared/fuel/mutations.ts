import type { MutationDef } from '../mutations/define.js';
import { investigateAnomaly, raiseAnomaly } from './anomaly-mutations.js';
import { logBunkering, logNoonReport, logSounding } from './log-mutations.js';
import { recordMinutes } from './minute-mutations.js';

/** The fuel area's mutations, gathered into MUTATIONS by shared/mutations/index.ts. */
export const FUEL_MUTATIONS: readonly MutationDef[] = [
  recordMinutes,
  logBunkering,
  logSounding,
  logNoonReport,
  raiseAnomaly,
  investigateAnomaly,
];
