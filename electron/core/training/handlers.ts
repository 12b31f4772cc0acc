import type { HandlerDeps } from '../api/handlers.js';

/** Handlers of the training area's API methods (shared/training/contract.ts). */
export function createTrainingHandlers(deps: HandlerDeps) {
  void deps;
  return {};
}
