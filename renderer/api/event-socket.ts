import { reconnectDelay, type BackoffOptions } from './backoff.js';

/** The part of the WebSocket API the event socket uses, so tests can hand in a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface EventSocketOptions {
  url: string;
  createSocket?: (url: string) => SocketLike;
  random?: () => number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  backoff?: BackoffOptions;
  token?: () => string | null;
  onMessage?: (data: unknown) => void;
}

const OPEN = 1;

/**
 * A WebSocket to the host's `/events` that says hello with the session token after every open and
 * whenever the token changes, and reconnects with jittered exponential backoff when it drops.
 */
export function createEventSocket(options: EventSocketOptions) {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const random = options.random ?? Math.random;
  const schedule = options.setTimeout ?? ((fn, ms) => globalThis.setTimeout(fn, ms));
  const cancel = options.clearTimeout ?? ((h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>));
  const token = options.token ?? (() => null);

  let socket: SocketLike | null = null;
  let attempt = 0;
  let timer: unknown = null;
  let stopped = true;
  /** The token last announced on the open socket; `undefined` until the first hello. */
  let announced: string | null | undefined;

  const sendHello = () => {
    if (!socket || socket.readyState !== OPEN) return;
    announced = token();
    socket.send(JSON.stringify({ type: 'hello', token: announced }));
  };

  const connect = () => {
    timer = null;
    if (stopped) return;
    let s: SocketLike;
    try {
      s = createSocket(options.url);
    } catch {
      retry();
      return;
    }
    socket = s;
    announced = undefined;
    s.onopen = () => {
      attempt = 0;
      sendHello();
    };
    s.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return;
      let data: unknown;
      try {
        data = JSON.parse(ev.data);
      } catch {
        return;
      }
      options.onMessage?.(data);
    };
    s.onerror = () => {
      // onclose follows; reconnecting there keeps one path.
    };
    s.onclose = () => {
      if (socket !== s) return;
      socket = null;
      retry();
    };
  };

  const retry = () => {
    if (stopped || timer !== null) return;
    const delay = reconnectDelay(attempt, random, options.backoff);
    attempt += 1;
    timer = schedule(connect, delay);
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      connect();
    },
    stop() {
      stopped = true;
      if (timer !== null) cancel(timer);
      timer = null;
      const s = socket;
      socket = null;
      s?.close();
    },
    /** Announce the current token (again); a no-op until the socket is open. */
    sendHello,
    sentToken: () => announced,
    isOpen: () => socket?.readyState === OPEN,
  };
}
