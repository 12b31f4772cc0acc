import { newId } from '../../shared/ids.js';
import type { PushedMutation } from '../../shared/sync/protocol.js';
import type { DeviceIdentity } from '../devices/enrollment.js';

/** A conflict record the service writes about one pushed mutation, for the site's supervisors. */
export function conflictRow(
  device: DeviceIdentity,
  m: PushedMutation,
  kind: 'rejected' | 'overwritten' | 'dead_letter',
  code: string,
  message: string,
  serverTime: number,
) {
  const at = new Date(serverTime).toISOString();
  return {
    id: newId(),
    site_id: device.siteId,
    device_id: device.deviceId,
    seq: m.seq,
    mutation: m.name,
    args: JSON.stringify(m.args ?? null),
    user_id: m.userId,
    kind,
    code,
    message: message.slice(0, 2000),
    created_at: at,
    updated_at: at,
    resolved_at: null,
    resolved_by: null,
  };
}
