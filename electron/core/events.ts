import type { CoreEvent } from '../../shared/api/contract.js';

/** An event for every renderer, or only for the one holding `token` (its own session locked). */
export interface Delivery {
  event: CoreEvent;
  token?: string;
}

export interface EventBus {
  emit(event: CoreEvent, token?: string): void;
  subscribe(listener: (d: Delivery) => void): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<(d: Delivery) => void>();
  return {
    emit(event, token) {
      for (const l of [...listeners]) {
        try {
          l(token ? { event, token } : { event });
        } catch {
          // A failing transport must not stop delivery to the others.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
