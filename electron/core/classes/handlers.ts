import type { HandlerDeps } from '../api/handlers.js';

/** Handlers of the classes area's API methods (shared/classes/contract.ts). */
export function createClassesHandlers(deps: HandlerDeps) {
  void deps;
  return {};
}
