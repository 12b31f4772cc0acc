import { describe, expect, it, vi } from 'vitest';
import { createAppUrlCheck } from '../../../electron/main/app-origin.js';
import { kioskPermissions, type PermissionSession } from '../../../electron/main/permissions.js';

const isAppUrl = createAppUrlCheck();
const APP = 'app://shiftdeck/index.html';

function fakeSession() {
  const handlers: {
    request?: Parameters<PermissionSession['setPermissionRequestHandler']>[0];
    check?: Parameters<PermissionSession['setPermissionCheckHandler']>[0];
  } = {};
  const session: PermissionSession = {
    setPermissionRequestHandler: (h) => void (handlers.request = h),
    setPermissionCheckHandler: (h) => void (handlers.check = h),
  };
  kioskPermissions(session, isAppUrl);
  return handlers;
}

describe('permissions', () => {
  it.each(['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'usb', 'unknown'])(
    'refuses a %s request',
    (permission) => {
      const handlers = fakeSession();
      const callback = vi.fn();
      handlers.request!({}, permission, callback, { requestingUrl: APP });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it('lets the app use the camera for photos and QR codes, never the microphone, and no other page', () => {
    const handlers = fakeSession();
    const ask = (mediaTypes: string[], requestingUrl: string) => {
      const callback = vi.fn();
      handlers.request!({}, 'media', callback, { mediaTypes, requestingUrl });
      return callback.mock.calls[0][0] as boolean;
    };
    expect(ask(['video'], APP)).toBe(true);
    expect(ask(['video', 'audio'], APP)).toBe(false);
    expect(ask(['audio'], APP)).toBe(false);
    expect(ask([], APP)).toBe(false);
    expect(ask(['video'], 'https://example.com/')).toBe(false);
  });

  it('answers no to every permission check but the app’s camera', () => {
    const handlers = fakeSession();
    expect([
      handlers.check!({}, 'media', 'app://shiftdeck', { mediaTypes: ['video'] }),
      handlers.check!({}, 'media', 'https://example.com', { mediaTypes: ['video'] }),
      handlers.check!({}, 'media', 'app://shiftdeck', { mediaTypes: ['audio'] }),
      handlers.check!({}, 'fullscreen', 'app://shiftdeck'),
      handlers.check!({}, 'clipboard-sanitized-write', 'app://shiftdeck'),
    ]).toEqual([true, false, false, false, false]);
  });

  it('logs each refused request so a feature that needs one shows up', () => {
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const handlers: { request?: Parameters<PermissionSession['setPermissionRequestHandler']>[0] } = {};
    kioskPermissions(
      { setPermissionRequestHandler: (h) => void (handlers.request = h), setPermissionCheckHandler: () => undefined },
      isAppUrl,
      log,
    );
    handlers.request!({}, 'geolocation', () => {});
    expect(log.warn).toHaveBeenCalledWith({ permission: 'geolocation', mediaTypes: undefined }, expect.any(String));
  });
});
