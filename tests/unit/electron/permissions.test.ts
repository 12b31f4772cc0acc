import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, type PermissionSession } from '../../../electron/main/permissions.js';

function fakeSession() {
  const handlers: {
    request?: Parameters<PermissionSession['setPermissionRequestHandler']>[0];
    check?: Parameters<PermissionSession['setPermissionCheckHandler']>[0];
  } = {};
  const session: PermissionSession = {
    setPermissionRequestHandler: (h) => void (handlers.request = h),
    setPermissionCheckHandler: (h) => void (handlers.check = h),
  };
  return { session, handlers };
}

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'usb', 'unknown'])(
    'refuses a %s request',
    (permission) => {
      const { session, handlers } = fakeSession();
      denyAllPermissions(session);
      const callback = vi.fn();
      handlers.request!({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it('answers no to every permission check', () => {
    const { session, handlers } = fakeSession();
    denyAllPermissions(session);
    expect(['media', 'fullscreen', 'clipboard-sanitized-write'].map((p) => handlers.check!({}, p))).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('logs each refused request so a feature that needs one shows up', () => {
    const { session, handlers } = fakeSession();
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    denyAllPermissions(session, log);
    handlers.request!({}, 'media', () => {});
    expect(log.warn).toHaveBeenCalledWith({ permission: 'media' }, expect.any(String));
  });
});
