import { describe, expect, it } from 'vitest';
import { CONNECTION_LABEL, connectionState } from '../../../renderer/components/connection-state.js';
import { createI18n } from '../../../renderer/i18n/index.js';

describe('what the header says about the link to shore', () => {
  it('does not say Online when shore answers but no longer knows this kiosk', () => {
    expect(connectionState(true, { online: true, deviceUnknown: true })).toBe('device-unknown');
    expect(connectionState(true, { online: true, deviceUnknown: true, deviceRevoked: true })).toBe('device-revoked');
    expect(connectionState(true, { online: true, deviceUnknown: false, deviceRevoked: true })).toBe('online');
    expect(connectionState(true, { online: true, deviceUnknown: false })).toBe('online');
    expect(connectionState(true, { online: false, deviceUnknown: false })).toBe('offline');
    expect(connectionState(true, null)).toBe('offline');
  });

  it('puts an unreachable kiosk service first: nothing else is known without it', () => {
    expect(connectionState(false, { online: true, deviceUnknown: true })).toBe('unreachable');
  });

  it('has words for every state in English and French', () => {
    const en = createI18n('en');
    const fr = createI18n('fr');
    expect(en.t(CONNECTION_LABEL['device-unknown'])).toBe('Shore does not know this kiosk');
    expect(fr.t(CONNECTION_LABEL['device-unknown'])).toBe('La terre ne connaît plus ce poste');
    for (const key of Object.values(CONNECTION_LABEL)) {
      expect(en.exists(key), key).toBe(true);
      expect(fr.exists(key), key).toBe(true);
    }
  });
});
