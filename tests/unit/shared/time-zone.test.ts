import { describe, expect, it } from 'vitest';
import { isTimeZone } from '../../../shared/mutations/sites.js';

describe('a site time zone', () => {
  it('is an IANA zone the runtime knows, never an offset typed by hand or a made-up name', () => {
    for (const z of ['UTC', 'Europe/Paris', 'Pacific/Chatham', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5'])
      expect(isTimeZone(z), z).toBe(true);
    for (const z of ['', 'Mars/Olympus_Mons', '+02:00', 'Europe/Paris; DROP', 'europe paris'])
      expect(isTimeZone(z), z).toBe(false);
  });
});
