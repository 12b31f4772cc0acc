import { silentLog, type Log } from './log.js';

/** What Electron passes with a `media` request (the slice this file reads). */
export interface PermissionDetails {
  mediaTypes?: string[];
  requestingUrl?: string;
}

/** The slice of Electron's `Session` this file uses. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details?: PermissionDetails,
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (contents: unknown, permission: string, requestingOrigin?: string, details?: PermissionDetails) => boolean,
  ): void;
}

/**
 * The kiosk's browser permissions: the camera (video only, never the microphone) for the app's own
 * pages, which take incident photos and read certificate QR codes; everything else (geolocation,
 * notifications, clipboard read, MIDI, USB, a camera asked for by any other page...) is refused,
 * and every check answers no except the app's camera. Refused requests are logged, so a feature
 * that starts needing one shows up in the logs rather than failing silently.
 */
export function kioskPermissions(
  session: PermissionSession,
  isAppUrl: (url: string) => boolean,
  log: Log = silentLog,
): void {
  const cameraOnly = (details?: PermissionDetails) =>
    !!details?.mediaTypes?.length && details.mediaTypes.every((t) => t === 'video');
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = permission === 'media' && cameraOnly(details) && isAppUrl(details?.requestingUrl ?? '');
    if (!granted) log.warn({ permission, mediaTypes: details?.mediaTypes }, 'Denied a permission request');
    callback(granted);
  });
  session.setPermissionCheckHandler(
    (_contents, permission, origin, details) =>
      permission === 'media' &&
      details?.mediaTypes?.every((t) => t === 'video') === true &&
      isAppUrl(`${origin ?? ''}/`),
  );
}
