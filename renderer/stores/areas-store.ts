import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { ErrorData } from '../../shared/errors.js';
import { AREAS, type AreaId } from '../../shared/permissions.js';

export interface AreasState {
  /** The areas the signed-in person's role opens, in home-screen order; null until loaded. */
  areas: AreaId[] | null;
  error: ErrorData | null;
  load(): Promise<void>;
  clear(): void;
}

const order = new Map<string, number>(AREAS.map((a, i) => [a.id, i]));
const isAreaId = (id: string): id is AreaId => order.has(id);

/** The home screen's tiles, from `home.areas` (the core decides; the renderer only shows). */
export function createAreasStore({ api }: { api: Pick<ApiClient, 'call'> }) {
  let generation = 0;
  return createStore<AreasState>()((set) => ({
    areas: null,
    error: null,
    async load() {
      const mine = ++generation;
      const r = await api.call('home.areas', {});
      if (mine !== generation) return;
      if (r.ok) set({ areas: r.value.filter(isAreaId).sort((a, b) => order.get(a)! - order.get(b)!), error: null });
      else set({ error: r.error });
    },
    clear() {
      generation++;
      set({ areas: null, error: null });
    },
  }));
}

export type AreasStore = ReturnType<typeof createAreasStore>;
