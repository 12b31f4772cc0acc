import type { ShiftdeckBridge } from '../../shared/api/bridge.js';
import type { Transport } from '../../shared/api/client.js';
import type { Result } from '../../shared/errors.js';
import { isResult, unreachable } from './unreachable.js';

/**
 * The Electron transport: calls go through the preload's bridge to the main process, which runs
 * the same dispatcher as the browser-mode host. A rejected promise (the main process went away)
 * becomes the same "unreachable" Result the HTTP transport returns.
 */
export function createIpcTransport(bridge: ShiftdeckBridge): Transport {
  return {
    async invoke(method, input, token): Promise<Result<unknown>> {
      try {
        const result: unknown = await bridge.invoke(method, input ?? {}, token);
        return isResult(result) ? result : unreachable('The preload answered with something that is not a Result');
      } catch (err) {
        return unreachable(err instanceof Error ? err.message : String(err));
      }
    },
    subscribe: (listener, token) => bridge.subscribe(listener, token),
  };
}
