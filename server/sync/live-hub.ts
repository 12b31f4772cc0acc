import pg from 'pg';

interface Socket {
  send(data: string): void;
  readonly readyState: number;
  readonly OPEN: number;
}

/**
 * Connected kiosks by site. A write anywhere in the fleet reaches them: the instance that
 * committed it pokes its own sockets, and PostgreSQL NOTIFY carries the poke to every other
 * instance sharing the database (the service keeps no other state).
 */
export function createLiveHub() {
  // Sockets of each site, with the device on the other end.
  const bySite = new Map<string, Map<Socket, string>>();
  let listener: pg.Client | null = null;

  /**
   * Pokes the kiosks of a site ('org': of every site). Not `exceptDevice`, the one whose push
   * made the change: its own sync cycle pulls right after the push anyway.
   */
  const poke = (siteId: string, version: number, exceptDevice?: string) => {
    const msg = JSON.stringify({ type: 'poke', site: version });
    const targets = siteId === 'org' ? [...bySite.values()].flatMap((s) => [...s]) : [...(bySite.get(siteId) ?? [])];
    for (const [s, device] of targets) if (device !== exceptDevice && s.readyState === s.OPEN) s.send(msg);
  };

  return {
    poke,
    add(siteId: string, socket: Socket, deviceId = ''): () => void {
      let set = bySite.get(siteId);
      if (!set) bySite.set(siteId, (set = new Map()));
      set.set(socket, deviceId);
      return () => {
        set.delete(socket);
        if (!set.size) bySite.delete(siteId);
      };
    },
    connected: () => [...bySite.values()].reduce((n, s) => n + s.size, 0),
    /** Whether NOTIFY reaches this instance: then its own commits come back that way too. */
    get listening() {
      return listener !== null;
    },
    /** LISTENs on the shared database so pokes from other instances reach this one's kiosks. */
    async listen(url: string, onError: (err: Error) => void) {
      const client = new pg.Client({ connectionString: url });
      client.on('error', onError);
      client.on('notification', (n) => {
        if (n.channel !== 'shiftdeck_site' || !n.payload) return;
        // "site:version" or "site:version:device" (the device whose push it was).
        const [site, version, device] = n.payload.split(':');
        poke(site, Number(version), device || undefined);
      });
      await client.connect();
      await client.query('LISTEN shiftdeck_site');
      listener = client;
    },
    async close() {
      await listener?.end().catch(() => undefined);
      listener = null;
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
