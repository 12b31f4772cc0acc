/**
 * A relay (the site hub) pushes another kiosk's batch to shore with its OWN device token in
 * `Authorization` and the kiosk's device id in this header. Shore takes the relay's site from
 * the relay's token, accepts the header only for a device of that same site, applies the batch
 * as that device's (its seqs, its registered key), and requires every mutation in it to carry a
 * valid signature of that device: a relay can carry, delay or drop a batch, never alter one, and
 * never speak for a device of another site. A relay never registers a device's key.
 */
export const RELAY_FOR_HEADER = 'x-shiftdeck-relay-for';

/**
 * The headers of a relayed POST /v1/push: the body is the kiosk's push request as the kiosk sent
 * it (gzip or not), unchanged.
 *
 * @example
 * await fetch(`${shore}/v1/push`, {
 *   method: 'POST',
 *   headers: { ...relayPushHeaders(hubToken, kioskDeviceId), 'content-encoding': 'gzip' },
 *   body: kioskBatchGz,
 * });
 */
export function relayPushHeaders(relayToken: string, deviceId: string): Record<string, string> {
  return {
    authorization: `Bearer ${relayToken}`,
    [RELAY_FOR_HEADER]: deviceId,
    'content-type': 'application/json',
  };
}
