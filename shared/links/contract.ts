import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
const empty = z.object({}).strict();

export const routeView = z.object({
  name: z.string(),
  url: z.string(),
  priority: z.number().int(),
  cost: z.number(),
  expensive: z.boolean(),
  state: z.enum(['unknown', 'up', 'down']),
  /** Share of recent probes lost, 0..1. */
  loss: z.number(),
  lastLatencyMs: z.number().nullable(),
  active: z.boolean(),
});

export const switchEntry = z.object({
  kind: z.enum(['failover', 'failback', 'manual', 'test']),
  from: z.string().nullable(),
  to: z.string(),
  reason: z.string(),
  at: z.string(),
  durationMs: z.number(),
  queued: z.number().int(),
});

/** One probe answer for the latency chart: null latency is a lost probe. */
export const latencyPoint = z.object({ route: z.string(), at: z.string(), ms: z.number().nullable() });

export const linksState = z.object({
  /** False on a kiosk with one address upstream (or none): nothing to choose between. */
  configured: z.boolean(),
  active: z.string().nullable(),
  pinned: z.boolean(),
  testing: z.boolean(),
  routes: z.array(routeView),
  history: z.array(switchEntry),
  latency: z.array(latencyPoint),
});

/** The Links screen (supervisors): each route upstream, its health, the switches, manual control. */
export const linksContract = {
  'links.state': method({ access: 'sync.view', input: empty, output: linksState, touchesSession: false }),
  /** Use this route until released (`route: null` goes back to automatic choice). */
  'links.switch': method({
    access: 'sync.view',
    input: z.object({ route: z.string().trim().min(1).max(40).nullable() }).strict(),
    output: linksState,
  }),
  'links.testFailover': method({ access: 'sync.view', input: empty, output: linksState }),
};
