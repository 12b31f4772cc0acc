import { silentLog, type Log } from './log.js';

/** The slice of Electron's `Session` this file uses. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

/**
 * The kiosk needs no browser permission (camera, geolocation, notifications, clipboard read,
 * MIDI, USB...): every request is refused and every check answers no. Requests are logged, so
 * a feature that starts needing one shows up in the logs rather than failing silently.
 */
export function denyAllPermissions(session: PermissionSession, log: Log = silentLog): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn({ permission }, 'Denied a permission request');
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}
