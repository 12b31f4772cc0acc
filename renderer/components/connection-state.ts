import type { SyncStatus } from '../stores/status-store.js';

/** What the header pill and the Sync screen say about the link to shore, in that order of weight. */
export type ConnectionState = 'unreachable' | 'device-revoked' | 'device-unknown' | 'online' | 'offline';

/**
 * The kiosk's own service first (nothing else is known without it), then a shore that no longer
 * knows this kiosk: it answers, so the link is up, but nothing syncs until someone enrols it again,
 * and "Online" would say the opposite.
 *
 * @example connectionState(true, { online: true, deviceUnknown: true }) // 'device-unknown'
 */
export function connectionState(
  reachable: boolean,
  status:
    (Pick<SyncStatus, 'online' | 'deviceUnknown'> & Partial<Pick<SyncStatus, 'deviceRevoked'>>) | null | undefined,
): ConnectionState {
  if (!reachable) return 'unreachable';
  if (status?.deviceUnknown) return status.deviceRevoked ? 'device-revoked' : 'device-unknown';
  return status?.online ? 'online' : 'offline';
}

/** The i18n key of each state. */
export const CONNECTION_LABEL = {
  unreachable: 'status.unreachable',
  'device-revoked': 'status.deviceRevoked',
  'device-unknown': 'status.deviceUnknown',
  online: 'status.online',
  offline: 'status.offline',
} as const satisfies Record<ConnectionState, string>;
