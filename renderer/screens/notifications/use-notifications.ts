import { useEffect, useMemo } from 'react';
import { useServices } from '../../app/services.js';
import { createNotificationsStore, type NotificationsStore } from '../../stores/notifications-store.js';

/**
 * A notifications store for one screen, loaded at once and kept current by core events;
 * `mine` also loads the signed-in person's own list (the home screen).
 */
export function useNotifications(mine: boolean): NotificationsStore {
  const { api } = useServices();
  const store = useMemo(() => createNotificationsStore({ api }), [api]);
  useEffect(() => {
    store.getState().loadMine(mine);
    void store.getState().refresh();
    return api.onEvent((e) => store.getState().handleEvent(e));
  }, [api, store, mine]);
  return store;
}
