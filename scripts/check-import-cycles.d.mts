/** Types for scripts/check-import-cycles.mjs, so tests can import it. */
export function findImportCycles(base: string, dirs?: readonly string[]): { files: string[]; loop: string[] }[];
