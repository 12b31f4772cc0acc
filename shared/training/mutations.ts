import type { MutationDef } from '../mutations/define.js';

/** Named mutations of the training area, merged into MUTATIONS (shared/mutations/index.ts). */
export const TRAINING_MUTATIONS: readonly MutationDef[] = [];
