import { CALL_CHANNEL, EVENT_CHANNEL, type EventDelivery, type ShiftdeckBridge } from '../../shared/api/bridge.js';
import type { Result } from '../../shared/errors.js';

/** The slice of `ipcRenderer` the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const unreachable = (reason: string): Result<never> => ({
  ok: false,
  error: {
    code: 'INTERNAL',
    message: 'Shiftdeck could not reach its core process. Restart the terminal if this persists.',
    details: { reason },
  },
});

function isDelivery(value: unknown): value is EventDelivery {
  if (typeof value !== 'object' || value === null) return false;
  const { event, token } = value as { event?: unknown; token?: unknown };
  return typeof event === 'object' && event !== null && (token === undefined || typeof token === 'string');
}

/**
 * Builds `window.shiftdeck` from `ipcRenderer`. Exactly two functions, neither of which hands the
 * page an IPC object: `invoke` sends one envelope on the call channel and always resolves to a
 * Result; `subscribe` passes the page only the event itself, never Electron's IPC event (whose
 * `sender` is `ipcRenderer`).
 *
 * @example
 * contextBridge.exposeInMainWorld('shiftdeck', createBridge(ipcRenderer));
 */
export function createBridge(ipc: IpcRendererLike): ShiftdeckBridge {
  return Object.freeze({
    async invoke(method: string, input: unknown, token: string | null): Promise<Result<unknown>> {
      try {
        return (await ipc.invoke(CALL_CHANNEL, { method, input, token })) as Result<unknown>;
      } catch (err) {
        return unreachable(err instanceof Error ? err.message : String(err));
      }
    },
    subscribe(listener: (event: EventDelivery['event']) => void, token: () => string | null): () => void {
      const onEvent = (_ipcEvent: unknown, delivery: unknown) => {
        if (!isDelivery(delivery)) return;
        if (delivery.token !== undefined && delivery.token !== (typeof token === 'function' ? token() : null)) return;
        listener(delivery.event);
      };
      ipc.on(EVENT_CHANNEL, onEvent);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, onEvent);
      };
    },
  });
}
