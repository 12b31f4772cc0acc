import { AppError } from '../errors.js';

/**
 * What the enrolment QR code holds: the sync service's address and the one-time code, so the new
 * kiosk needs nothing typed. `shiftdeck-enrol:server=<url>&code=<code>`, read back by
 * `readEnrolInput`, which also takes a code typed by hand.
 *
 * @example
 * enrolPayload('https://shore.example:7400', 'K7QM-2XHD-9RTA')
 * // 'shiftdeck-enrol:server=https%3A%2F%2Fshore.example%3A7400&code=K7QM-2XHD-9RTA'
 */
export const ENROL_PREFIX = 'shiftdeck-enrol:';

export function enrolPayload(server: string, code: string): string {
  return `${ENROL_PREFIX}${new URLSearchParams({ server, code }).toString()}`;
}

const CODE = /^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/;

const refuse = (message: string) =>
  new AppError('VALIDATION_FAILED', message, { field: 'code', issues: [{ path: 'code', message }] });

/**
 * A code typed by hand (`K7QM-2XHD-9RTA`, any case, spaces ignored) or the text of a scanned
 * enrolment QR code; for the latter, the service address it names too.
 *
 * @example readEnrolInput(' k7qm 2xhd 9rta ') // { code: 'K7QM-2XHD-9RTA', server: null }
 */
export function readEnrolInput(text: string): { code: string; server: string | null } {
  const trimmed = text.trim();
  if (trimmed.startsWith(ENROL_PREFIX)) {
    const params = new URLSearchParams(trimmed.slice(ENROL_PREFIX.length));
    const server = params.get('server') ?? '';
    const code = params.get('code') ?? '';
    let url: URL | null = null;
    try {
      url = new URL(server);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !CODE.test(code))
      throw refuse('This QR code is not a Shiftdeck enrolment code. Scan the one shown on the admin screen.');
    return { code: code.toUpperCase(), server: url.toString().replace(/\/$/, '') };
  }
  const compact = trimmed.replace(/\s+/g, '').toUpperCase();
  if (!CODE.test(compact))
    throw refuse('An enrolment code has 12 letters and digits, such as K7QM-2XHD-9RTA, or scan its QR code.');
  const plain = compact.replace(/-/g, '');
  return { code: `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`, server: null };
}
