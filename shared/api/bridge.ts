import type { Result } from '../errors.js';
import type { CoreEvent } from './contract.js';

/** The one channel the renderer calls the core through (`ipcRenderer.invoke`). */
export const CALL_CHANNEL = 'shiftdeck:call';
/** The channel the main process pushes core events on (`webContents.send`). */
export const EVENT_CHANNEL = 'shiftdeck:event';

/** What crosses `CALL_CHANNEL`: the same `(method, input, token)` triple the HTTP host takes. */
export interface CallEnvelope {
  method: string;
  input: unknown;
  token: string | null;
}

/**
 * What crosses `EVENT_CHANNEL`. `token` is set on events meant for one session only (its own idle
 * lock or expiry); the preload delivers those only while the renderer holds that token. Every
 * token that can appear here was issued to this same renderer through `CALL_CHANNEL`.
 */
export interface EventDelivery {
  event: CoreEvent;
  token?: string;
}

/**
 * The whole surface the Electron preload puts on `window.shiftdeck`, and nothing else: it is a
 * `Transport` (shared/api/client.ts), so the renderer builds its API client on it directly.
 *
 * @example
 * const api = createApiClient(window.shiftdeck ?? httpTransport(location.origin));
 */
export interface ShiftdeckBridge {
  invoke(method: string, input: unknown, token: string | null): Promise<Result<unknown>>;
  /** `token` is read on every event, so events for a session reach it only while it is current. */
  subscribe(listener: (event: CoreEvent) => void, token: () => string | null): () => void;
}

declare global {
  interface Window {
    shiftdeck?: ShiftdeckBridge;
  }
}
