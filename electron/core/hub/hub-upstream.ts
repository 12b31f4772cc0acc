import { gzipSync } from 'node:zlib';
import WebSocket from 'ws';
import { MAX_PULL_ROWS, pokeMessage, pullResponse, pushResponse } from '../../../shared/sync/protocol.js';
import { relayPushHeaders } from '../../../shared/sync/relay.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { backoffDelay } from '../sync/backoff.js';
import type { HubStore } from './hub-store.js';

/** Mutations in one relayed batch. */
const RELAY_BATCH = 500;

export interface HubUpstreamDeps {
  hubStore: HubStore;
  /** Shore's sync service. */
  shoreUrl: string;
  /** The hub kiosk's own device token: its pulls are scoped to its site by shore. */
  token: string;
  clock: Clock;
  log: Logger;
  random?: () => number;
  /** Told after the stream grew or an answer came back: poke the kiosks on the LAN. */
  onChange(): void;
  /** How often shore is tried while it does not answer, and pulled anyway (default 2 s). */
  pollMs?: number;
  /** Skip the live socket and the timer: tests call `pullNow`/`relayNow` themselves. */
  manual?: boolean;
  /** Per request to shore (default 10 s). */
  timeoutMs?: number;
}

/** A request to shore failed on the way (no answer): shore is away. */
export class ShoreAway extends Error {}

/**
 * The hub's link to shore: pulls the site's confirmed stream into the hub's store, and relays the
 * mutations held for kiosks in each device's seq order, in that device's name and as the bytes it
 * sent. Shore re-checks every one as it does for a kiosk talking to it directly.
 */
export function createHubUpstream(deps: HubUpstreamDeps) {
  const base = deps.shoreUrl.replace(/\/$/, '');
  const random = deps.random ?? Math.random;
  let shoreUp = true;
  let stopped = false;
  let pulling: Promise<boolean> | null = null;
  let pullAgain = false;
  const relaying = new Set<string>();
  let socket: WebSocket | null = null;
  let wsAttempt = 0;
  let cancelReconnect: (() => void) | null = null;
  let stopPoll: (() => void) | null = null;

  async function call(path: string, token: string, body?: Buffer, relayFor?: string) {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          'accept-encoding': 'gzip',
          ...(body ? { 'content-type': 'application/json', 'content-encoding': 'gzip' } : {}),
          ...(relayFor ? relayPushHeaders(token, relayFor) : {}),
        },
        body: body ? new Uint8Array(body) : undefined,
        signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
      });
    } catch (err) {
      shoreUp = false;
      throw new ShoreAway(err instanceof Error ? err.message : String(err));
    }
    shoreUp = true;
    return { status: res.status, text: await res.text() };
  }

  async function pullOnce(): Promise<boolean> {
    for (let guard = 0; guard < 100_000; guard++) {
      const c = deps.hubStore.cursors();
      const { status, text } = await call(`/v1/pull?site=${c.site}&org=${c.org}&limit=${MAX_PULL_ROWS}`, deps.token);
      if (status !== 200) throw new Error(`shore refused the hub's pull: HTTP ${status} ${text.slice(0, 200)}`);
      const page = pullResponse.parse(JSON.parse(text));
      if (await deps.hubStore.putPage(page)) deps.onChange();
      if (!page.more) return true;
    }
    return true;
  }

  /** Pulls until caught up (once more if asked meanwhile); true when shore answered. */
  function pullNow(): Promise<boolean> {
    if (stopped) return Promise.resolve(false);
    if (pulling) {
      pullAgain = true;
      return pulling;
    }
    pulling = (async () => {
      let ok = false;
      do {
        pullAgain = false;
        try {
          ok = await pullOnce();
        } catch (err) {
          ok = false;
          if (!(err instanceof ShoreAway)) deps.log.warn({ err: String(err) }, 'hub pull failed');
        }
      } while (pullAgain && !stopped);
      if (ok) void relayNow();
      return ok;
    })().finally(() => {
      pulling = null;
    });
    return pulling;
  }

  /** What the device's clock reads now, as far as the hub can tell: shore measures its offset from it. */
  const clientTimeNow = (clientTime: number, receivedAt: number) => clientTime + (deps.clock.now() - receivedAt);

  /** Relays a device's held mutations in seq order until none is left or shore stops taking them. */
  async function relayDevice(deviceId: string): Promise<void> {
    if (relaying.has(deviceId)) return;
    relaying.add(deviceId);
    try {
      for (let guard = 0; guard < 10_000 && !stopped; guard++) {
        const held = deps.hubStore.held(deviceId, RELAY_BATCH);
        if (!held.length) return;
        const last = held[held.length - 1];
        const body = `{"clientTime":${clientTimeNow(last.client_time, last.received_at)},"mutations":[${held.map((h) => h.json).join(',')}]}`;
        // Under the hub's own token, as a relay for that kiosk (shared/sync/relay.ts): shore checks
        // the kiosk is of the hub's site and verifies every mutation's signature against the
        // kiosk's key, so the hub holds no kiosk's token and cannot alter what it carries.
        const { status, text } = await call('/v1/push', deps.token, gzipSync(body), deviceId);
        if (status !== 200) {
          deps.log.warn({ deviceId, status, answer: text.slice(0, 200) }, 'shore refused a relayed batch');
          return;
        }
        const answer = pushResponse.parse(JSON.parse(text));
        const settled = await deps.hubStore.recordAnswers(deviceId, answer.results);
        if (settled) deps.onChange();
        // A gap or a renumbering is the kiosk's to sort out with shore: it still has them all.
        if (!settled || answer.resendFrom !== undefined || answer.renumber) return;
      }
    } finally {
      relaying.delete(deviceId);
    }
  }

  let relayRun: Promise<void> | null = null;
  let relayAgain = false;

  /**
   * Relays what every device has held, devices side by side (each in its own seq order); once
   * more if asked meanwhile. Never rejects.
   */
  function relayNow(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (relayRun) {
      relayAgain = true;
      return relayRun;
    }
    relayRun = (async () => {
      let relayedAny = false;
      do {
        relayAgain = false;
        const devices = deps.hubStore.heldDevices();
        relayedAny ||= devices.length > 0;
        await Promise.all(
          devices.map((d) =>
            relayDevice(d).catch((err: unknown) => {
              if (!(err instanceof ShoreAway)) deps.log.warn({ err: String(err), deviceId: d }, 'relay failed');
            }),
          ),
        );
      } while (relayAgain && !stopped && shoreUp);
      // What shore just applied comes back in the confirmed stream.
      if (relayedAny && shoreUp) void pullNow();
    })().finally(() => {
      relayRun = null;
    });
    return relayRun;
  }

  function connectLive() {
    if (stopped) return;
    const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/v1/live`, {
      headers: { authorization: `Bearer ${deps.token}` },
    });
    socket = ws;
    ws.on('open', () => {
      wsAttempt = 0;
      void pullNow();
    });
    ws.on('message', (data) => {
      try {
        if (pokeMessage.safeParse(JSON.parse(String(data))).success) void pullNow();
      } catch {
        // Not a poke.
      }
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (socket === ws) socket = null;
      if (stopped) return;
      cancelReconnect = deps.clock.after(backoffDelay(wsAttempt++, random), connectLive);
    });
  }

  return {
    pullNow,
    relayNow,
    /** Whether shore answered the last request (optimistic until one fails). */
    get shoreUp() {
      return shoreUp;
    },
    /**
     * Sends a kiosk's push to shore as it came (its bytes, its token) and returns shore's answer;
     * throws ShoreAway when shore cannot be reached.
     */
    forward(token: string, gz: Buffer) {
      return call('/v1/push', token, gz);
    },
    /** Shore's word on who a token belongs to (GET /v1/device). */
    async whoIs(token: string): Promise<{ status: number; deviceId?: string; siteId?: string }> {
      const { status, text } = await call('/v1/device', token);
      if (status !== 200) return { status };
      const body = JSON.parse(text) as { deviceId?: unknown; siteId?: unknown };
      return { status, deviceId: String(body.deviceId), siteId: String(body.siteId) };
    },
    start() {
      if (deps.manual) return;
      connectLive();
      stopPoll = deps.clock.every(deps.pollMs ?? 2000, () => {
        if (!shoreUp || !socket) void pullNow();
        else void relayNow();
      });
    },
    async stop() {
      stopped = true;
      stopPoll?.();
      cancelReconnect?.();
      socket?.terminate();
      await pulling;
    },
  };
}

export type HubUpstream = ReturnType<typeof createHubUpstream>;
