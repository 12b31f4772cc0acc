import { z } from 'zod';
import { CALL_CHANNEL, EVENT_CHANNEL, type EventDelivery } from '../../shared/api/bridge.js';
import { MAX_REQUEST_BYTES, maxRequestBytesOf } from '../../shared/api/contract.js';
import { fail, toErrorData, type Result } from '../../shared/errors.js';
import type { AppUrlCheck } from './app-origin.js';
import { silentLog, type Log } from './log.js';

/** What the bridge needs from the core (`kiosk.dispatcher`). */
export interface DispatcherLike {
  dispatch(method: string, input: unknown, token: string | null): Promise<Result<unknown>>;
}

/** What the bridge needs from the core (`kiosk.events`): deliveries, some aimed at one session. */
export interface EventSourceLike {
  subscribe(listener: (delivery: EventDelivery) => void): () => void;
}

/** The slice of an `IpcMainInvokeEvent` the bridge reads. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

/** The slice of `ipcMain` the bridge uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Shape check only; the dispatcher validates `input` against the method's own schema. */
export const callEnvelope = z
  .object({
    method: z.string().min(1).max(100),
    input: z.unknown(),
    token: z.string().max(512).nullable(),
  })
  .strict();

/** Bytes of the envelope as JSON, or null when it cannot be serialised (cycles, BigInt). */
function jsonBytes(value: unknown): number | null {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  } catch {
    return null;
  }
}

/**
 * Handles one `shiftdeck:call`. Checks, in order: the caller is a frame showing an app page; the
 * envelope is at most `maxBytes` of JSON; it has the envelope's shape. Then it dispatches. Every
 * outcome is a `Result`: nothing thrown in the core reaches the renderer as an exception, and
 * nothing about the core's internals leaks in the message.
 *
 * @example
 * const handle = createCallHandler({ dispatcher: kiosk.dispatcher, isAppUrl });
 * await handle({ senderFrame: { url: 'app://shiftdeck/index.html' } }, { method: 'app.info', input: {}, token: null });
 */
export function createCallHandler(deps: {
  dispatcher: DispatcherLike;
  isAppUrl: AppUrlCheck;
  log?: Log;
  maxBytes?: number;
}) {
  const { dispatcher, isAppUrl, log = silentLog, maxBytes = MAX_REQUEST_BYTES } = deps;
  return async (event: InvokeEventLike, envelope: unknown): Promise<Result<unknown>> => {
    const senderUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(senderUrl)) {
      log.warn({ senderUrl }, 'Refused an IPC call from a page that is not the app');
      return fail('FORBIDDEN', 'This page may not call Shiftdeck.');
    }
    const bytes = jsonBytes(envelope);
    if (bytes === null) return fail('VALIDATION_FAILED', 'The request could not be read as JSON.');
    // A method that carries a file (a photo) says how large it may be; every other one gets maxBytes.
    const named = (envelope as { method?: unknown } | null)?.method;
    const own = typeof named === 'string' ? maxRequestBytesOf(named) : MAX_REQUEST_BYTES;
    const limit = own > MAX_REQUEST_BYTES ? own : maxBytes;
    if (bytes > limit) {
      log.warn({ bytes, maxBytes: limit }, 'Refused an oversized IPC call');
      return fail('PAYLOAD_TOO_LARGE', `The request is ${bytes} bytes; the limit is ${limit}.`, {
        bytes,
        maxBytes: limit,
      });
    }
    const parsed = callEnvelope.safeParse(envelope);
    if (!parsed.success) {
      return fail('VALIDATION_FAILED', 'The request is not a Shiftdeck call.', {
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
      });
    }
    const { method, input, token } = parsed.data;
    try {
      return await dispatcher.dispatch(method, input, token);
    } catch (err) {
      log.error({ err, method }, 'The dispatcher threw instead of returning a Result');
      return { ok: false, error: toErrorData(err) };
    }
  };
}

/**
 * Registers the call handler on `shiftdeck:call`. Returns a function that removes it.
 */
export function registerIpcBridge(
  ipcMain: IpcMainLike,
  deps: { dispatcher: DispatcherLike; isAppUrl: AppUrlCheck; log?: Log; maxBytes?: number },
): () => void {
  const handle = createCallHandler(deps);
  ipcMain.handle(CALL_CHANNEL, (event, envelope) => handle(event, envelope));
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}

/** The slice of `WebContents` event forwarding uses. */
export interface EventTarget {
  isDestroyed(): boolean;
  getURL(): string;
  send(channel: string, delivery: EventDelivery): void;
}

/**
 * Forwards every core event to every live window showing an app page, on `shiftdeck:event`. A
 * window that is closing (destroyed, or `send` throwing) is skipped without affecting the others.
 * Deliveries aimed at one session keep their token; the preload filters them (see EventDelivery).
 * Returns the unsubscribe function.
 */
export function forwardCoreEvents(
  events: EventSourceLike,
  deps: { targets: () => Iterable<EventTarget>; isAppUrl: AppUrlCheck; log?: Log },
): () => void {
  const { targets, isAppUrl, log = silentLog } = deps;
  return events.subscribe((delivery) => {
    const message: EventDelivery = delivery.token
      ? { event: delivery.event, token: delivery.token }
      : { event: delivery.event };
    for (const target of targets()) {
      if (target.isDestroyed() || !isAppUrl(target.getURL())) continue;
      try {
        target.send(EVENT_CHANNEL, message);
      } catch (err) {
        log.warn({ err, type: delivery.event.type }, 'Could not forward a core event to a window');
      }
    }
  });
}
