/**
 * Prerequisites (training guide §2): a module stays closed until every module it lists is passed.
 * A module counts as passed by a passed attempt or a certificate that is not revoked (a classroom
 * roster certifies without an attempt). Pure, so the catalogue, the kiosk's mutator and the
 * server's re-run give the same answer.
 *
 * @example
 * missingPrerequisites(['FOOD_SAFETY_101', 'ALLERGENS_101'], new Set(['FOOD_SAFETY_101'])) // ['ALLERGENS_101']
 */
export function missingPrerequisites(prerequisites: readonly string[], passedCodes: ReadonlySet<string>): string[] {
  return prerequisites.filter((code) => !passedCodes.has(code));
}

/** Parses a module's stored prerequisites (JSON array of codes); anything else reads as none. */
export function parsePrerequisites(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}
