import { describe, expect, it } from 'vitest';
import { advertiseHub, discoverHubs } from '../../../electron/core/hub/hub-advert.js';

const SITE = '7c0c2a52-8d0e-5b8e-9a55-1f6c3a0d4e11';
const OTHER = '7c0c2a52-8d0e-5b8e-9a55-1f6c3a0d4e12';

describe('finding the site hub on the LAN (DNS-SD over multicast, on this machine)', () => {
  it("finds this site's hub and its standby, and not another site's", async () => {
    const withdraw = [
      advertiseHub(47481, { site: SITE, device: '01a23436-0000-7000-8000-000000000001' }),
      advertiseHub(47482, { site: SITE, device: '01a23436-0000-7000-8000-000000000002' }),
      advertiseHub(47483, { site: OTHER, device: '01a23436-0000-7000-8000-000000000003' }),
    ];
    try {
      const found = await discoverHubs(SITE, 2000);
      expect(found.map((u) => new URL(u).port).sort()).toEqual(['47481', '47482']);
    } finally {
      for (const w of withdraw) await w();
    }
  });
});
