import { describe, expect, it } from 'vitest';
import { hubUrlOf } from '../../../electron/core/hub/hub-advert.js';

const SITE = 'bf88a3c6-6376-51f4-a0ed-b2adf303d3c2';
const OTHER = '83b617e4-ad10-5f94-8151-6b61caac28d2';
const DEVICE = '01a23436-e1af-77eb-98eb-38297426676d';

describe('hubUrlOf (a DNS-SD answer to the URL of this site hub)', () => {
  it('takes the IPv4 address and the port of a hub of this site', () => {
    expect(
      hubUrlOf({ port: 7480, txt: { site: SITE, device: DEVICE }, addresses: ['fe80::1', '192.168.1.20'] }, SITE),
    ).toBe('http://192.168.1.20:7480');
    // No address record: the one the answer came from.
    expect(hubUrlOf({ port: 7480, txt: { site: SITE.toUpperCase() }, referer: { address: '10.0.0.5' } }, SITE)).toBe(
      'http://10.0.0.5:7480',
    );
  });

  it("ignores another site's hub on the same network, and answers that name no site, port or IPv4 address", () => {
    expect(hubUrlOf({ port: 7480, txt: { site: OTHER }, addresses: ['192.168.1.21'] }, SITE)).toBeNull();
    expect(hubUrlOf({ port: 7480, addresses: ['192.168.1.21'] }, SITE)).toBeNull();
    expect(hubUrlOf({ port: 0, txt: { site: SITE }, addresses: ['192.168.1.21'] }, SITE)).toBeNull();
    expect(hubUrlOf({ port: 7480, txt: { site: SITE }, addresses: ['fe80::1'] }, SITE)).toBeNull();
  });
});
