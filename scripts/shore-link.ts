import { connect, createServer, type Socket } from 'node:net';

/**
 * The demo's line to shore: a TCP relay in front of the sync service that can be cut and
 * restored, so a newcomer running `npm start` can watch the site keep working through its hub
 * while shore is away, and catch up when it is back. Cutting closes every open connection (live
 * sockets included) and refuses new ones, as a dead uplink does.
 *
 * @example
 * const link = await startShoreLink({ target: { host: '127.0.0.1', port: 7400 }, port: 7401 });
 * link.cut(); link.restore();
 */
export async function startShoreLink(opts: { target: { host: string; port: number }; port: number }) {
  let up = true;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    if (!up) {
      client.destroy();
      return;
    }
    const upstream = connect(opts.target.port, opts.target.host);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    get up() {
      return up;
    },
    cut() {
      up = false;
      for (const s of open) s.destroy();
    },
    restore() {
      up = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
