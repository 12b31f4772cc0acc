/**
 * Which Host and Origin headers the browser-mode host accepts. It listens on loopback only, but
 * a page on any domain that resolves to 127.0.0.1 (DNS rebinding) reaches it with its own name in
 * Host, and `Origin == http://${Host}` would hold for that page too. So the host name itself must
 * be a loopback name, and the port the one the host listens on.
 *
 * @example
 * acceptedHost('127.0.0.1:7410', 7410);                           // true
 * acceptedHost('evil.example:7410', 7410);                        // false
 * acceptedOrigin('http://localhost:7410', 'localhost:7410', 7410); // true
 */
const LOOPBACK_NAMES: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** `name[:port]` split, lower-cased; null when it is not of that shape. */
function parseHost(host: string): { name: string; port: number } | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(host);
  if (!m) return null;
  return { name: m[1].toLowerCase(), port: m[2] === undefined ? 80 : Number(m[2]) };
}

export function acceptedHost(host: string | undefined, port: number): boolean {
  const h = host === undefined ? null : parseHost(host);
  return h !== null && LOOPBACK_NAMES.has(h.name) && h.port === port;
}

/**
 * No Origin (a same-origin GET, curl) is fine once Host passed; a browser's Origin must be the
 * page served from this very Host over plain HTTP.
 */
export function acceptedOrigin(origin: string | undefined, host: string | undefined, port: number): boolean {
  if (!acceptedHost(host, port)) return false;
  return origin === undefined || origin.toLowerCase() === `http://${host!.toLowerCase()}`;
}
