const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The start of the host's manual test clock (`--test-clock`): an ISO 8601 instant with its offset,
 * so a test sees the same date whatever day, time zone or machine it runs on. A local time without
 * an offset is refused: it would mean another instant in another time zone.
 *
 * @example parseTestClockStart('2026-11-22T09:00:00Z') // 1795338000000
 */
export function parseTestClockStart(value: string): number {
  const ms = INSTANT.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) {
    throw new Error(
      `--test-clock takes the instant the test clock starts at, with its offset, for example 2026-11-22T09:00:00Z (got "${value}").`,
    );
  }
  return ms;
}
