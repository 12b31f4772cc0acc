import { createStore } from 'zustand/vanilla';

export type Route = { name: 'home' } | { name: 'area'; area: string };

/** The hash part of the location, so the app works from file:// in Electron as well. */
export interface HashLocation {
  get(): string;
  set(hash: string): void;
  listen(onChange: () => void): () => void;
}

export function parseRoute(hash: string): Route {
  const m = /^#?\/area\/([a-z-]+)\/?$/.exec(hash);
  return m ? { name: 'area', area: m[1] } : { name: 'home' };
}

export const routeHash = (route: Route): string => (route.name === 'area' ? `#/area/${route.area}` : '#/');

export interface RouteState {
  route: Route;
  go(route: Route): void;
  /** Stop following the location (tests, hot reload). */
  dispose(): void;
}

/** Which screen is open, kept in the URL hash so back/forward and deep links behave. */
export function createRouteStore(location: HashLocation) {
  return createStore<RouteState>()((set) => {
    const stop = location.listen(() => set({ route: parseRoute(location.get()) }));
    return {
      route: parseRoute(location.get()),
      go(route) {
        location.set(routeHash(route));
        set({ route });
      },
      dispose: stop,
    };
  });
}

export type RouteStore = ReturnType<typeof createRouteStore>;

/** The browser's location as a `HashLocation`. */
export const windowHashLocation = (win: Window): HashLocation => ({
  get: () => win.location.hash,
  set: (hash) => {
    if (win.location.hash !== hash) win.location.hash = hash;
  },
  listen: (onChange) => {
    win.addEventListener('hashchange', onChange);
    return () => win.removeEventListener('hashchange', onChange);
  },
});
