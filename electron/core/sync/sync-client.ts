import { gzipSync } from 'node:zlib';
import WebSocket from 'ws';
import { linkErrorCode } from '../../../shared/sync/link-error.js';
import {
  MAX_PULL_ROWS,
  MAX_PUSH_BYTES,
  MAX_PUSH_MUTATIONS,
  pokeMessage,
  pullResponse,
  pushResponse,
} from '../../../shared/sync/protocol.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import type { LinkState } from '../status.js';
import { hubTentativeResponse } from '../../../shared/sync/hub-protocol.js';
import { backoffDelay } from './backoff.js';
import type { LocalReplica, PendingMutation } from './local-replica.js';

export interface SyncClientDeps {
  replica: LocalReplica;
  /** The sync service, e.g. http://127.0.0.1:7400 */
  serverUrl: string;
  /**
   * Site hubs to sync through, in order of preference (the hub, then its standby), before
   * `serverUrl`. A hub serves the same protocol, plus other kiosks' unconfirmed mutations.
   */
  hubs?: readonly string[];
  /** Failed cycles in a row on a route before the next one is tried (default 2). */
  failoverAfter?: number;
  /** How long on a fallback route before the preferred one is tried again (default 30 s). */
  failbackMs?: number;
  token: string;
  /**
   * This kiosk's raw public key, offered with each push so that shore registers it for a device
   * enrolled before mutations were signed (shore ignores it once one is registered).
   */
  publicKey?: string;
  clock: Clock;
  random?: () => number;
  log: Logger;
  setLink(patch: Partial<LinkState>): void;
  /** Periodic pull even without pokes (a poke can be lost while reconnecting). */
  pollMs?: number;
  /**
   * Wait after a local commit before pushing (default 5 ms), to gather what is committed in the
   * same instant into one batch. Changes made while a cycle runs wait for the next cycle and go
   * together anyway; a longer wait only delays every change reaching the other kiosks.
   */
  pushDelayMs?: number;
  /**
   * The upstream to use for the next request, when the kiosk knows several routes (hub on LAN,
   * shore over 4G or satellite; electron/core/sync/link-prober.ts). Absent: always `serverUrl`.
   */
  pickUpstream?: () => string;
}

export interface SyncCycleReport {
  pushed: number;
  pulled: number;
  bytesUp: number;
  bytesDown: number;
  ms: number;
}

interface InFlight {
  bytes: number;
  answer: Promise<{ json: unknown; bytes: number }>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The refusal's `details.reason` when shore gave one (`device_revoked`). */
    readonly reason?: string,
  ) {
    super(message);
  }
}

/**
 * Keeps a kiosk replicated: pushes the outbox in bounded, compressed batches, then pulls pages until
 * caught up. Pulls go on even when pushes fail, so one stuck upload never freezes downloads. A live
 * socket brings pokes; offline, the kiosk works on and retries with jittered backoff.
 */
export function createSyncClient(deps: SyncClientDeps) {
  const random = deps.random ?? Math.random;
  const trim = (u: string) => u.replace(/\/$/, '');
  // The routes upstream, best first: hubs on the LAN, then shore itself. Without a link monitor,
  // plain failure counting picks among them; with one (deps.pickUpstream: probes, hysteresis,
  // history) the monitor decides, and a route it picks is a hub when it is one of deps.hubs.
  const routes = [
    ...(deps.hubs ?? []).map((url) => ({ url: trim(url), hub: true })),
    { url: trim(deps.serverUrl), hub: false },
  ];
  const hubUrls = new Set(routes.filter((r) => r.hub).map((r) => r.url));
  let route = 0;
  let failures = 0;
  let switchedAt = deps.clock.now();
  let chosen = routes[0].url;
  const base = () => (deps.pickUpstream ? trim(deps.pickUpstream()) : chosen);
  const onHub = () => (deps.pickUpstream ? hubUrls.has(base()) : routes[route].hub);
  const useRoute = (i: number, why: string) => {
    if (i === route) return;
    deps.log.warn({ from: routes[route].url, to: routes[i].url, why }, `sync route: now through ${routes[i].url}`);
    route = i;
    chosen = routes[i].url;
    failures = 0;
    switchedAt = deps.clock.now();
    deps.setLink({ address: new URL(chosen).host });
    // The live socket follows the route: its close handler reconnects to the new one.
    socket?.terminate();
  };
  let stopped = false;
  let running: Promise<SyncCycleReport | undefined> | null = null;
  let again = false;
  let socket: WebSocket | null = null;
  let wsAttempt = 0;
  let cancelReconnect: (() => void) | null = null;
  let cancelPush: (() => void) | null = null;
  let token = deps.token;
  let started = false;
  // Shore does not know this device (401: a token a restored shore lost, or a revoked device): no
  // request goes out until it is enrolled again, so it neither hammers the service nor feeds the
  // wrong-token limiter that the other kiosks behind its address share.
  let unknownToShore = false;
  const markUnknown = (message: string, revoked = false) => {
    if (unknownToShore) return;
    unknownToShore = true;
    deps.log.warn({ err: message, revoked }, 'shore does not know this device: sync paused until it is enrolled again');
    deps.setLink({ online: true, deviceUnknown: true, deviceRevoked: revoked, lastError: message });
  };

  async function request(
    path: string,
    init: { method: string; body?: Buffer },
  ): Promise<{ json: unknown; bytes: number }> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' };
    if (init.body) {
      headers['content-type'] = 'application/json';
      headers['content-encoding'] = 'gzip';
    }
    const res = await fetch(`${base()}${path}`, {
      method: init.method,
      headers,
      body: init.body ? new Uint8Array(init.body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    const bytes = Number(res.headers.get('content-length') ?? text.length);
    if (!res.ok) {
      let message = `HTTP ${res.status}`;
      let reason: string | undefined;
      try {
        const body = JSON.parse(text) as {
          error?: { code?: string; message?: string; details?: { reason?: unknown } };
        };
        if (body.error) message = `${body.error.code}: ${body.error.message}`;
        if (typeof body.error?.details?.reason === 'string') reason = body.error.details.reason;
      } catch {
        // Not JSON: keep the status line.
      }
      throw new HttpError(res.status, message, reason);
    }
    return { json: JSON.parse(text) as unknown, bytes };
  }

  /**
   * Pushes what was queued when the cycle began, with up to two batches in flight: the next batch
   * is read, compressed and sent while the service applies the one before (the service applies a
   * device's batches one at a time, in seq order, waiting briefly for one overtaken on the way).
   * Over a satellite link this halves the round trips a long queue waits for. Answers are settled
   * in the order sent. Anything unexpected (a gap, an empty answer, a failure) settles the other
   * batch's answer and goes on one at a time from what the outbox says is still pending.
   */
  async function pushAll(report: SyncCycleReport): Promise<void> {
    // Only what was queued when the cycle began: a kiosk writing all the while would otherwise
    // push batch after batch and never reach the pull. Later writes go in the next cycle.
    const upTo = deps.replica.newestSeq();
    // Everything up to upTo is committed; sign what of it is still unsigned before reading it.
    await deps.replica.signQueued();
    let after = 0;
    let window = 2;
    const queue: InFlight[] = [];
    const send = (): InFlight | null => {
      const batch = deps.replica.pendingBatch(MAX_PUSH_MUTATIONS, upTo, after);
      if (!batch.length) return null;
      const { body, last } = pushBody(deps.clock.now(), batch);
      after = last;
      const gz = gzipSync(body);
      const answer = request('/v1/push', { method: 'POST', body: gz });
      answer.catch(() => undefined); // awaited in order below; never an unhandled rejection meanwhile
      return { bytes: gz.length, answer };
    };
    const settleOthers = async () => {
      for (const other of queue.splice(0)) {
        try {
          // Its renumbering (if any) was worked out before the one just done: not applied twice.
          await settleAnswer((await other.answer).json, other, report, true);
        } catch {
          // Lost or refused: its mutations are still pending and go again.
        }
      }
    };
    for (let guard = 0; guard < 10_000; guard++) {
      while (queue.length < window) {
        const next = send();
        if (!next) break;
        queue.push(next);
      }
      const current = queue.shift();
      if (!current) return;
      let outcome: Awaited<ReturnType<typeof settleAnswer>>;
      try {
        outcome = await settleAnswer((await current.answer).json, current, report);
      } catch (err) {
        await settleOthers();
        throw err;
      }
      if (outcome !== 'applied') {
        await settleOthers();
        // An empty answer to a batch is not expected: stop rather than send it again and again.
        if (outcome === 'empty') return;
        after = 0;
        window = 1;
      }
    }
  }

  /** Records one push answer: the batch went through, or the service asked to resend from a seq, or answered nothing. */
  async function settleAnswer(
    json: unknown,
    sent: InFlight,
    report: SyncCycleReport,
    stale = false,
  ): Promise<'applied' | 'resend' | 'empty'> {
    const res = pushResponse.parse(json);
    report.bytesUp += sent.bytes;
    // A hub with shore away keeps the batch and answers nothing yet: the mutations stay pending
    // here until shore's own answer comes back (through the hub or directly).
    if (onHub() && !res.results.length && res.resendFrom === undefined && !res.renumber) return 'empty';
    await deps.replica.settle(stale ? { ...res, renumber: undefined } : res);
    report.pushed += res.results.filter((r) => r.status === 'applied').length;
    // After the settle: its results are shore's true answers, whatever shore went through before.
    if (await deps.replica.observeShore({ epoch: res.epoch, deviceSeq: res.lastSeq })) return 'resend';
    if (res.resendFrom !== undefined || res.renumber) return 'resend';
    return res.results.length ? 'applied' : 'empty';
  }

  /**
   * The JSON of a push request (a PushRequest) holding the longest run of `batch` that fits in
   * MAX_PUSH_BYTES, which the service counts after inflating: bounded in bytes as well as in
   * count, or a queue of large changes (module drafts) is refused whole, again and again. A
   * change too large to go even alone is sent without its args, so the service refuses it
   * visibly (a conflict, its rows undone here) and the queue behind it moves on.
   */
  function pushBody(clientTime: number, batch: PendingMutation[]): { body: string; last: number } {
    const key = deps.publicKey ? `"devicePublicKey":${JSON.stringify(deps.publicKey)},` : '';
    const head = `{"clientTime":${JSON.stringify(clientTime)},${key}"mutations":[`;
    const parts: string[] = [];
    let bytes = Buffer.byteLength(head) + 2;
    let last = 0;
    for (const m of batch) {
      let json = m.json;
      const size = Buffer.byteLength(json) + 1;
      if (parts.length && bytes + size > MAX_PUSH_BYTES) break;
      if (bytes + size > MAX_PUSH_BYTES) {
        json = `${m.head},"args":${JSON.stringify({ omitted: `This change was too large to send (${size} bytes, at most ${MAX_PUSH_BYTES - bytes}); it stays refused.` })}}`;
      }
      parts.push(json);
      bytes += Buffer.byteLength(json) + 1;
      last = m.seq;
    }
    return { body: `${head}${parts.join(',')}]}`, last };
  }

  /**
   * Pulls pages until caught up, asking for the next page (from the cursors the page in hand
   * ends at) while applying the one in hand; pages are applied in order, each with its cursors,
   * so a page asked for early and never applied is simply asked for again next time.
   */
  async function pullAll(report: SyncCycleReport): Promise<void> {
    const fetchPage = async (c: { site: number; org: number }) => {
      const { json, bytes } = await request(`/v1/pull?site=${c.site}&org=${c.org}&limit=${MAX_PULL_ROWS}`, {
        method: 'GET',
      });
      return { page: pullResponse.parse(json), bytes };
    };
    let next = fetchPage(deps.replica.cursors());
    for (let guard = 0; guard < 100_000; guard++) {
      const { page, bytes } = await next;
      report.bytesDown += bytes;
      if (await deps.replica.observeShore({ epoch: page.epoch, deviceSeq: page.deviceSeq, heads: page.heads })) {
        // Shore went back: the cursors are at 0 now and what shore lost is pending again; pull
        // everything, and push once more right after this cycle.
        again = true;
        next = fetchPage(deps.replica.cursors());
        continue;
      }
      const ahead = page.more ? fetchPage({ site: page.site, org: page.org }) : null;
      ahead?.catch(() => undefined); // awaited next round; never an unhandled rejection if this page fails
      report.pulled += await deps.replica.applyPull(page);
      if (!ahead) break;
      next = ahead;
    }
    if (onHub()) {
      const { json, bytes } = await request('/v1/hub/tentative', { method: 'GET' });
      report.bytesDown += bytes;
      await deps.replica.applyTentative(hubTentativeResponse.parse(json));
    }
  }

  /** Counts a failed cycle on the route in use; moves to the next one after `failoverAfter` in a row. */
  const routeFailed = (err: unknown) => {
    if (routes.length < 2 || deps.pickUpstream) return;
    // Shore refusing this device is not the route's fault; anything else (no answer, a hub that
    // cannot help) is.
    if (err instanceof HttpError && err.status < 500 && (!onHub() || err.status === 401)) return;
    if (++failures >= (deps.failoverAfter ?? 2)) useRoute((route + 1) % routes.length, 'failed');
  };

  async function cycle(): Promise<SyncCycleReport> {
    if (!deps.pickUpstream && route > 0 && deps.clock.now() - switchedAt >= (deps.failbackMs ?? 30_000))
      useRoute(0, 'failback');
    const t0 = deps.clock.now();
    const report: SyncCycleReport = { pushed: 0, pulled: 0, bytesUp: 0, bytesDown: 0, ms: 0 };
    let pushError: unknown = null;
    try {
      await pushAll(report);
    } catch (err) {
      pushError = err;
    }
    try {
      await pullAll(report);
    } catch (err) {
      pushError ??= err;
    }
    report.ms = deps.clock.now() - t0;
    if (pushError instanceof HttpError && pushError.status === 401)
      markUnknown(pushError.message, pushError.reason === 'device_revoked');
    if (pushError) routeFailed(pushError);
    else failures = 0;
    if (pushError) {
      const message = pushError instanceof Error ? pushError.message : String(pushError);
      deps.setLink({
        online: pushError instanceof HttpError,
        lastError: message,
        lastErrorCode: linkErrorCode(pushError),
        lastErrorAt: new Date(deps.clock.now()).toISOString(),
      });
      deps.log.warn({ err: message, ...report }, 'sync failed');
      throw pushError;
    }
    deps.setLink({
      online: true,
      lastSyncAt: new Date(deps.clock.now()).toISOString(),
      lastError: null,
      lastErrorCode: null,
    });
    if (report.pushed || report.pulled) deps.log.info(report, 'sync');
    return report;
  }

  /**
   * Runs a cycle now, or once more right after the one in flight. Never two at once. Never
   * rejects: a failed cycle is logged and shown in the link state, and the outbox keeps the
   * changes for the next one, so triggers (poke, timer, local commit) may `void syncNow()`.
   */
  function syncNow(): Promise<SyncCycleReport | undefined> {
    if (stopped || unknownToShore) return Promise.resolve(undefined);
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let last: SyncCycleReport | undefined;
      do {
        again = false;
        try {
          last = await cycle();
        } catch {
          last = undefined;
        }
      } while (again && !stopped && !unknownToShore);
      return last;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  function connectLive() {
    if (stopped || unknownToShore) return;
    const url = `${base().replace(/^http/, 'ws')}/v1/live`;
    const ws = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
    socket = ws;
    ws.on('open', () => {
      wsAttempt = 0;
      void syncNow();
    });
    ws.on('message', (data) => {
      try {
        if (pokeMessage.safeParse(JSON.parse(String(data))).success) void syncNow();
      } catch {
        // Not a poke; ignore.
      }
    });
    ws.on('error', (err) => {
      if (/\b401\b/.test(err.message))
        markUnknown("UNAUTHENTICATED: shore refused this device's token on the live link.");
    });
    ws.on('close', () => {
      if (socket === ws) socket = null;
      if (stopped || unknownToShore) return;
      deps.setLink({ online: false });
      const delay = backoffDelay(wsAttempt++, random);
      cancelReconnect = deps.clock.after(delay, connectLive);
    });
  }

  let stopPoll: (() => void) | null = null;
  return {
    syncNow,
    /** Called after each local commit: push soon, gathering a burst into one batch. */
    onLocalChange() {
      if (cancelPush || stopped) return;
      cancelPush = deps.clock.after(deps.pushDelayMs ?? 5, () => {
        cancelPush = null;
        void syncNow();
      });
    },
    /** The route changed: the live socket moves to it (it reconnects on close), and a cycle runs there. */
    upstreamChanged() {
      socket?.terminate();
      void syncNow();
    },
    /** The route in use: a hub's URL, or shore's. */
    get upstream() {
      return base();
    },
    /** True while the route in use is a site hub. */
    get onHub() {
      return onHub();
    },
    /** True while shore refuses this device's token (see markUnknown). */
    get unknownToShore() {
      return unknownToShore;
    },
    /** After a new enrolment: the new token, and syncing resumes. */
    resume(newToken: string) {
      token = newToken;
      unknownToShore = false;
      deps.setLink({ deviceUnknown: false, deviceRevoked: false, lastError: null });
      if (started && !socket) connectLive();
    },
    start() {
      started = true;
      connectLive();
      stopPoll = deps.clock.every(deps.pollMs ?? 30_000, () => void syncNow());
    },
    async stop() {
      stopped = true;
      stopPoll?.();
      cancelReconnect?.();
      cancelPush?.();
      socket?.terminate();
      await running;
    },
  };
}

export type SyncClient = ReturnType<typeof createSyncClient>;
