import { coreEvent, maxRequestBytesOf, type CoreEvent } from '../../shared/api/contract.js';
import type { Transport } from '../../shared/api/client.js';
import type { Result } from '../../shared/errors.js';
import { createEventSocket, type EventSocketOptions } from './event-socket.js';
import { isResult, unreachable } from './unreachable.js';

export interface HttpTransportOptions {
  /** Origin of the browser-mode host, e.g. `location.origin`. */
  origin: string;
  fetch?: typeof fetch;
  /** Everything the event socket needs besides its URL; tests inject fakes here. */
  events?: Omit<EventSocketOptions, 'url'>;
}

export interface HttpTransport extends Transport {
  /** Tell the event socket the session token changed so it says hello again at once. */
  tokenChanged(): void;
}

/**
 * The browser-mode transport: `POST /api/<method>` with `{"input": ...}` for calls and a
 * WebSocket on `/events` for core events. The body is a Result whatever the HTTP status.
 *
 * @example
 * const api = createApiClient(createHttpTransport({ origin: location.origin }));
 */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.origin.replace(/\/+$/, '');
  const wsUrl = base.replace(/^http/, 'ws') + '/events';
  let socket: ReturnType<typeof createEventSocket> | null = null;
  const listeners = new Set<(event: CoreEvent) => void>();
  let tokenGetter: () => string | null = () => null;

  const dispatch = (raw: unknown) => {
    const parsed = coreEvent.safeParse(raw);
    if (!parsed.success) return;
    for (const listener of [...listeners]) listener(parsed.data);
  };

  return {
    async invoke(method, input, token): Promise<Result<unknown>> {
      const body = JSON.stringify({ input: input ?? {} });
      const limit = maxRequestBytesOf(method);
      if (new TextEncoder().encode(body).length > limit) {
        return {
          ok: false,
          error: {
            code: 'PAYLOAD_TOO_LARGE',
            message: 'This request is too large to send.',
            details: { maxBytes: limit },
          },
        };
      }
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (token) headers.Authorization = `Bearer ${token}`;
      // A call made with a newer token than the socket knows means we signed in or out.
      if (socket && token !== socket.sentToken()) socket.sendHello();
      let response: Response;
      try {
        response = await doFetch(`${base}/api/${encodeURIComponent(method)}`, { method: 'POST', headers, body });
      } catch (err) {
        return unreachable(err instanceof Error ? err.message : String(err));
      }
      let json: unknown;
      try {
        json = await response.json();
      } catch {
        return unreachable(`HTTP ${response.status} with a body that is not JSON`);
      }
      return isResult(json) ? json : unreachable(`HTTP ${response.status} with a body that is not a Result`);
    },

    subscribe(listener, token) {
      listeners.add(listener);
      tokenGetter = token;
      if (!socket) {
        socket = createEventSocket({ ...options.events, url: wsUrl, token: () => tokenGetter(), onMessage: dispatch });
        socket.start();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && socket) {
          socket.stop();
          socket = null;
        }
      };
    },

    tokenChanged() {
      socket?.sendHello();
    },
  };
}
