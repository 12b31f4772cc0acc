import { describe, expect, it } from 'vitest';
import { reconnectDelay } from '../../../renderer/api/backoff.js';
import { createEventSocket, type SocketLike } from '../../../renderer/api/event-socket.js';
import { createHttpTransport } from '../../../renderer/api/http-transport.js';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  closed = false;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onerror?.({});
    this.onclose?.({});
  }
  receive(data: unknown) {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) });
  }
}

function harness(random = () => 0.5) {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  let token: string | null = null;
  const messages: unknown[] = [];
  const socket = createEventSocket({
    url: 'ws://h/events',
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    random,
    setTimeout: (fn, ms) => {
      const t = { fn, ms, cancelled: false };
      timers.push(t);
      return t;
    },
    clearTimeout: (t) => void ((t as { cancelled: boolean }).cancelled = true),
    token: () => token,
    onMessage: (m) => messages.push(m),
  });
  const runTimer = () => {
    const t = timers.filter((x) => !x.cancelled).shift()!;
    timers.splice(timers.indexOf(t), 1);
    t.fn();
    return t.ms;
  };
  return {
    socket,
    sockets,
    timers,
    messages,
    runTimer,
    setToken: (t: string | null) => void (token = t),
    last: () => sockets[sockets.length - 1],
  };
}

const hellos = (s: FakeSocket) => s.sent.map((m) => JSON.parse(m));

describe('reconnect backoff', () => {
  it('grows exponentially with jitter in [cap/2, cap] and stops at the maximum', () => {
    expect(reconnectDelay(0, () => 0)).toBe(250);
    expect(reconnectDelay(0, () => 1)).toBe(500);
    expect(reconnectDelay(3, () => 0)).toBe(2000);
    expect(reconnectDelay(3, () => 1)).toBe(4000);
    expect(reconnectDelay(20, () => 1)).toBe(30_000);
    expect(reconnectDelay(20, () => 0)).toBe(15_000);
  });
});

describe('event socket', () => {
  it('says hello with the token after opening and again when the token changes', () => {
    const h = harness();
    h.setToken('tok-a');
    h.socket.start();
    expect(h.last().url).toBe('ws://h/events');
    h.socket.sendHello(); // not open yet: nothing sent
    expect(h.last().sent).toEqual([]);
    h.last().open();
    expect(hellos(h.last())).toEqual([{ type: 'hello', token: 'tok-a' }]);
    h.setToken(null);
    h.socket.sendHello();
    expect(hellos(h.last())[1]).toEqual({ type: 'hello', token: null });
    expect(h.socket.sentToken()).toBeNull();
  });

  it('passes parsed JSON messages on and ignores garbage', () => {
    const h = harness();
    h.socket.start();
    h.last().open();
    h.last().receive({ type: 'session.locked', reason: 'idle' });
    h.last().receive('not json');
    expect(h.messages).toEqual([{ type: 'session.locked', reason: 'idle' }]);
  });

  it('reconnects with growing jittered delays, resets after a successful open, and re-announces the token', () => {
    const h = harness(() => 1);
    h.setToken('tok');
    h.socket.start();
    h.last().drop();
    expect(h.runTimer()).toBe(500);
    h.last().drop();
    expect(h.runTimer()).toBe(1000);
    h.last().drop();
    expect(h.runTimer()).toBe(2000);
    h.last().open();
    expect(hellos(h.last())).toEqual([{ type: 'hello', token: 'tok' }]);
    h.last().drop();
    expect(h.runTimer()).toBe(500);
    expect(h.sockets).toHaveLength(5);
  });

  it('stops for good: closes the socket and cancels a pending reconnect', () => {
    const h = harness();
    h.socket.start();
    h.last().drop();
    h.socket.stop();
    expect(h.timers.every((t) => t.cancelled)).toBe(true);
    const count = h.sockets.length;
    h.socket.start();
    h.last().open();
    h.socket.stop();
    expect(h.last().closed).toBe(true);
    h.last().onclose?.({});
    expect(h.timers.filter((t) => !t.cancelled)).toHaveLength(0);
    expect(h.sockets).toHaveLength(count + 1);
  });
});

describe('HTTP transport events', () => {
  it('opens one socket for all subscribers, validates events, and re-announces a new token', async () => {
    const sockets: FakeSocket[] = [];
    const t = createHttpTransport({
      origin: 'http://127.0.0.1:4000',
      fetch: (async () => new Response('{"ok":true,"value":[]}')) as unknown as typeof fetch,
      events: {
        createSocket: (url) => (sockets.push(new FakeSocket(url)), sockets[sockets.length - 1]),
        setTimeout: () => 0,
        clearTimeout: () => {},
      },
    });
    let token: string | null = null;
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = t.subscribe(
      (e) => a.push(e),
      () => token,
    );
    const offB = t.subscribe(
      (e) => b.push(e),
      () => token,
    );
    expect(sockets).toHaveLength(1);
    expect(sockets[0].url).toBe('ws://127.0.0.1:4000/events');
    sockets[0].open();
    sockets[0].receive({ type: 'status.changed', status: { nope: true } });
    sockets[0].receive({ type: 'session.ended', reason: 'expired' });
    expect(a).toEqual([{ type: 'session.ended', reason: 'expired' }]);
    expect(b).toHaveLength(1);

    token = 'tok';
    t.tokenChanged();
    expect(hellos(sockets[0]).at(-1)).toEqual({ type: 'hello', token: 'tok' });
    // A call carrying a token the socket has not announced also triggers a hello.
    token = 'tok-2';
    await t.invoke('home.areas', {}, 'tok-2');
    expect(hellos(sockets[0]).at(-1)).toEqual({ type: 'hello', token: 'tok-2' });

    offA();
    expect(sockets[0].closed).toBe(false);
    offB();
    expect(sockets[0].closed).toBe(true);
  });
});
