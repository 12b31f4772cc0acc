import { createTrainingStore, type TrainingStore } from '../../stores/training-store.js';
import { useAreaStore } from './use-area-store.js';

const make = (api: Parameters<typeof createTrainingStore>[0]['api']) => createTrainingStore({ api });

/**
 * The training area's store, shared by the training screen and each of its views. Its own file
 * so the views do not import training-screen.tsx, which imports them.
 */
export function useTraining(): TrainingStore {
  return useAreaStore('training', make);
}
