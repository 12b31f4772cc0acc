import type { MutationDef } from '../mutations/define.js';

/** Named mutations of the classes area, merged into MUTATIONS (shared/mutations/index.ts). */
export const CLASSES_MUTATIONS: readonly MutationDef[] = [];
