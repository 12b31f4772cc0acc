import type { Transport } from '../../shared/api/client.js';
import { createHttpTransport } from './http-transport.js';
import type { ShiftdeckBridge } from '../../shared/api/bridge.js';
import { createIpcTransport } from './ipc-transport.js';

export interface PickedTransport {
  transport: Transport;
  kind: 'ipc' | 'http';
  /** Called after the session token changes; the HTTP transport re-announces it on its socket. */
  tokenChanged(): void;
}

/** IPC when the Electron preload exposed `window.shiftdeck`, else HTTP to the page's own origin. */
export function pickTransport(win: { shiftdeck?: ShiftdeckBridge; location: { origin: string } }): PickedTransport {
  if (win.shiftdeck && typeof win.shiftdeck.invoke === 'function') {
    return { transport: createIpcTransport(win.shiftdeck), kind: 'ipc', tokenChanged: () => {} };
  }
  const http = createHttpTransport({ origin: win.location.origin });
  return { transport: http, kind: 'http', tokenChanged: () => http.tokenChanged() };
}
