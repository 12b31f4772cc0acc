import { useEffect, useMemo } from 'react';
import type { ApiClient } from '../../../shared/api/client.js';
import { useServices } from '../../app/services.js';

const cache = new WeakMap<object, Map<string, unknown>>();

/**
 * One store per API client for an area that is not part of the shell's services: made on first
 * use and kept while the client lives, so leaving and re-opening the area keeps its state.
 */
export function useAreaStore<S>(key: string, make: (api: ApiClient) => S): S {
  const { api } = useServices();
  return useMemo(() => {
    let byKey = cache.get(api);
    if (!byKey) cache.set(api, (byKey = new Map()));
    if (!byKey.has(key)) byKey.set(key, make(api));
    return byKey.get(key) as S;
  }, [api, key, make]);
}

/** Runs `reload` when synced data of one of `tables` changes (a pull, another screen's write). */
export function useDataChanged(tables: readonly string[], reload: () => void) {
  const { api } = useServices();
  useEffect(
    () =>
      api.onEvent((e) => {
        if (e.type === 'data.changed' && e.tables.some((t) => tables.includes(t))) reload();
      }),
    [api, tables, reload],
  );
}
