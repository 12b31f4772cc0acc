import { describe, expect, it } from 'vitest';
import { enrolPayload, readEnrolInput } from '../../../shared/devices/enrol-payload.js';

describe('enrolment QR payload', () => {
  it('reads back the address and the code it was made from', () => {
    const payload = enrolPayload('https://shore.example:7400/', 'K7QM-2XHD-9RTA');
    expect(payload.startsWith('shiftdeck-enrol:')).toBe(true);
    expect(readEnrolInput(payload)).toEqual({ code: 'K7QM-2XHD-9RTA', server: 'https://shore.example:7400' });
  });

  it('takes a code typed by hand in any case, with spaces or without dashes', () => {
    expect(readEnrolInput(' k7qm 2xhd 9rta ')).toEqual({ code: 'K7QM-2XHD-9RTA', server: null });
    expect(readEnrolInput('K7QM2XHD9RTA')).toEqual({ code: 'K7QM-2XHD-9RTA', server: null });
  });

  it('refuses another QR code, a bad address and a short code, naming the field', () => {
    const field = (text: string) => {
      try {
        readEnrolInput(text);
        return null;
      } catch (err) {
        return (
          (err as { code: string; details: { field: string } }).code +
          ':' +
          (err as { details: { field: string } }).details.field
        );
      }
    };
    expect(field('https://example.com/certificate/abc')).toBe('VALIDATION_FAILED:code');
    expect(field('shiftdeck-enrol:server=ftp%3A%2F%2Fx&code=K7QM-2XHD-9RTA')).toBe('VALIDATION_FAILED:code');
    expect(field('shiftdeck-enrol:server=http%3A%2F%2Fx&code=K7QM')).toBe('VALIDATION_FAILED:code');
    expect(field('K7QM-2XHD')).toBe('VALIDATION_FAILED:code');
  });
});
