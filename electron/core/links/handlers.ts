import { AppError } from '../../../shared/errors.js';
import type { linksContract } from '../../../shared/links/contract.js';
import type { Handlers } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';
import type { LinkProber } from '../sync/link-prober.js';

type LinksHandlers = Pick<Handlers, keyof typeof linksContract>;

const iso = (ms: number) => new Date(ms).toISOString();

/** What the Links screen shows, read from the kiosk's prober (none: a kiosk with one address upstream). */
function stateOf(links: LinkProber | undefined) {
  if (!links)
    return { configured: false, active: null, pinned: false, testing: false, routes: [], history: [], latency: [] };
  const m = links.monitor;
  return {
    configured: true,
    active: m.active,
    pinned: m.pinned,
    testing: m.testing,
    routes: m.view().map((v) => ({
      name: v.route.name,
      url: v.route.url,
      priority: v.route.priority,
      cost: v.route.cost,
      expensive: v.route.expensive,
      state: v.state,
      loss: v.loss,
      lastLatencyMs: v.lastLatencyMs,
      active: v.route.name === m.active,
    })),
    // Newest first, as people read a history.
    history: [...m.history]
      .reverse()
      .slice(0, 100)
      .map((e) => ({ ...e, at: iso(e.at) })),
    latency: links.recent().map((r) => ({ route: r.route, at: iso(r.at), ms: r.ok ? (r.latencyMs ?? 0) : null })),
  };
}

/** Handlers of the links area (shared/links/contract.ts). */
export function createLinksHandlers(deps: HandlerDeps): LinksHandlers {
  const need = () => {
    const links = deps.links?.();
    if (!links)
      throw new AppError(
        'NOT_FOUND',
        'This kiosk knows only one way to shore, so there is no other route to switch to. Add routes in its settings.',
        { reason: 'no_routes' },
      );
    return links;
  };
  return {
    'links.state': async () => stateOf(deps.links?.()),
    'links.switch': async (input) => {
      const links = need();
      if (input.route === null) links.release();
      else if (!links.monitor.routes.some((r) => r.name === input.route))
        throw new AppError('VALIDATION_FAILED', `There is no route called "${input.route}". Pick one from the list.`, {
          issues: [{ path: 'route', message: 'Pick a route from the list.' }],
        });
      else links.manual(input.route);
      return stateOf(links);
    },
    'links.testFailover': async () => {
      const links = need();
      if (!links.startTest())
        throw new AppError(
          'CONFLICT',
          links.monitor.testing
            ? 'A test failover is already running; it ends by itself within 30 seconds.'
            : 'No other route is available to test with right now.',
        );
      return stateOf(links);
    },
  };
}
