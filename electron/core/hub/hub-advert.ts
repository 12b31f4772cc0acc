import { isIPv4 } from 'node:net';
import { Bonjour } from 'bonjour-service';
import { HUB_SERVICE_TYPE } from '../../../shared/sync/hub-protocol.js';

/** What a hub says about itself on the LAN (DNS-SD TXT record). */
export interface HubAdvert {
  site: string;
  device: string;
}

/** The parts of a discovered DNS-SD service this file reads. */
export interface FoundService {
  port: number;
  txt?: unknown;
  addresses?: string[];
  referer?: { address: string };
}

/**
 * The URL of a discovered hub, or null when it is not a hub of `siteId` (another site's hub on
 * the same LAN, a shared restaurant building) or names no address. IPv4 first: a link-local IPv6
 * address needs a zone a URL cannot carry portably; then the address the answer came from.
 *
 * @example
 * hubUrlOf({ port: 7480, txt: { site: S, device: D }, addresses: ['192.168.1.20'] }, S); // 'http://192.168.1.20:7480'
 */
export function hubUrlOf(service: FoundService, siteId: string): string | null {
  const txt = (service.txt ?? {}) as Record<string, unknown>;
  if (typeof txt.site !== 'string' || txt.site.toLowerCase() !== siteId.toLowerCase()) return null;
  if (!Number.isInteger(service.port) || service.port <= 0 || service.port > 65535) return null;
  const address = (service.addresses ?? []).find((a) => isIPv4(a)) ?? service.referer?.address;
  if (!address || !isIPv4(address)) return null;
  return `http://${address}:${service.port}`;
}

/**
 * Advertises a hub listening on `port` as `_shiftdeck-hub._tcp` with its site and device in TXT.
 * Returns the function that withdraws it.
 */
export function advertiseHub(port: number, advert: HubAdvert): () => Promise<void> {
  const bonjour = new Bonjour();
  // The whole device id: UUIDv7s of kiosks enrolled the same day share their first digits, and
  // DNS-SD names must be unique on the network.
  const service = bonjour.publish({
    name: `Shiftdeck hub ${advert.device}`,
    type: HUB_SERVICE_TYPE,
    port,
    txt: { site: advert.site, device: advert.device },
  });
  // A name already taken (a copy of this kiosk's database on another machine) leaves the hub
  // unannounced; the configured address still works.
  service.on('error', () => undefined);
  return () =>
    new Promise<void>((resolve) => {
      bonjour.unpublishAll(() => {
        bonjour.destroy();
        resolve();
      });
    });
}

/**
 * Listens on the LAN for `waitMs` and returns the URLs of the hubs of `siteId` that answered,
 * in the order they answered. Never rejects: no multicast means no hub found.
 */
export async function discoverHubs(siteId: string, waitMs = 1500): Promise<string[]> {
  const found: string[] = [];
  let bonjour: Bonjour | null = null;
  try {
    bonjour = new Bonjour();
    const browser = bonjour.find({ type: HUB_SERVICE_TYPE }, (service: FoundService) => {
      const url = hubUrlOf(service, siteId);
      if (url && !found.includes(url)) found.push(url);
    });
    await new Promise((r) => setTimeout(r, waitMs));
    browser.stop();
  } catch {
    // No multicast on this network: the configured addresses are all there is.
  } finally {
    bonjour?.destroy();
  }
  return found;
}
