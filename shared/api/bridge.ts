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
 * The whole surface the Electron preload puts on `window.shiftdeck`, and nothing else: it is a
 * `Transport` (shared/api/client.ts), so the renderer builds its API client on it directly.
 *
 * @example
 * const api = createApiClient(window.shiftdeck ?? httpTransport(location.origin));
 */
export interface ShiftdeckBridge {
  invoke(method: string, input: unknown, token: string | null): Promise<Result<unknown>>;
  /** The token getter is accepted for parity with the HTTP transport; IPC events need no token. */
  subscribe(listener: (event: CoreEvent) => void, token?: () => string | null): () => void;
}

declare global {
  interface Window {
    shiftdeck?: ShiftdeckBridge;
  }
}
