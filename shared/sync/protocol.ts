import { z } from 'zod';
import { SYNCED_TABLES } from '../schema.js';

/**
 * The wire protocol between a kiosk and the sync service. Bodies are JSON, gzip-compressed when
 * large. The device and its site always come from the bearer token, never from these bodies.
 */
/** Mutations in one push; MAX_PUSH_BYTES bounds a batch of large ones first. */
export const MAX_PUSH_MUTATIONS = 2000;
export const MAX_PUSH_BYTES = 2 * 1024 * 1024;
export const MAX_PULL_ROWS = 2000;
/** Unexpected failures of one mutation on the server before it is dead-lettered. */
export const MAX_MUTATION_ATTEMPTS = 3;
/** The server flags mutation timestamps further than this in its own future. */
export const FUTURE_CLOCK_LIMIT_MS = 24 * 60 * 60 * 1000;
/** Stream id of organisation-wide rows (site_id NULL). */
export const ORG_STREAM = '00000000-0000-0000-0000-000000000000';

export const pushedMutation = z.object({
  seq: z.number().int().positive(),
  name: z.string().min(1).max(100),
  version: z.number().int().positive(),
  args: z.unknown(),
  hlc: z.string().min(22).max(120),
  userId: z.uuid().nullable(),
  /**
   * The rows the mutation wrote on the kiosk ("table:id"), so a refusal can return their server
   * state. One mutation may write thousands (a student entered with years of classes); the push's
   * byte limit bounds them.
   */
  writes: z.array(z.string().max(200)).max(50_000).default([]),
  /**
   * The device's Ed25519 signature over the mutation (shared/sync/mutation-signature.ts), made
   * when it was queued. Shore refuses a mutation whose signature is missing or wrong.
   */
  sig: z.string().max(120).optional(),
});
export type PushedMutation = z.infer<typeof pushedMutation>;

export const pushRequest = z
  .object({
    clientTime: z.number().int().nonnegative(),
    mutations: z.array(pushedMutation).max(MAX_PUSH_MUTATIONS),
    /**
     * The device's raw Ed25519 public key (base64url). Shore registers it for a device that has
     * none yet (enrolled before mutations were signed), only on a push over the device's own
     * token, never on a relayed one; a different key than the registered one is refused.
     */
    devicePublicKey: z.string().max(64).optional(),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequest>;

export const mutationOutcome = z.object({
  seq: z.number().int(),
  status: z.enum(['applied', 'duplicate', 'rejected', 'dead']),
  code: z.string().optional(),
  message: z.string().optional(),
});
export type MutationOutcome = z.infer<typeof mutationOutcome>;

/** A row as the server holds it now (null: the server has no such row), for undoing a refused change. */
export const serverRowState = z.object({
  table: z.enum(SYNCED_TABLES as unknown as [string, ...string[]]),
  id: z.string(),
  row: z.record(z.string(), z.unknown()).nullable(),
});

export const pushResponse = z.object({
  results: z.array(mutationOutcome),
  /** The highest seq the server has applied or settled for this device. */
  lastSeq: z.number().int().nonnegative(),
  /** Present when the batch started after a gap: send again from this seq. */
  resendFrom: z.number().int().positive().optional(),
  /**
   * Server state of the rows in the write sets of refused and duplicate mutations and of applied
   * ones that read (not blind): the kiosk replaces its optimistic rows with these, and removes
   * those the server does not have (row null).
   */
  revert: z.array(serverRowState).default([]),
  /**
   * Present when mutations reuse seqs this device already had applied, with newer timestamps: the
   * kiosk's database went back to an older copy (a restored file). Renumber the pending
   * mutations from `from` on to follow `after` (the server's last seq) and send them again.
   */
  renumber: z.object({ from: z.number().int().positive(), after: z.number().int().nonnegative() }).optional(),
  /** The HLC of the newest mutation the server settled for this device; the kiosk's clock moves past it. */
  lastHlc: z.string().max(120).nullable().optional(),
  serverTime: z.number().int(),
  /** The device clock minus the server's, as measured on this push. */
  clockOffsetMs: z.number().int().default(0),
  /** The central database's epoch: another one than last time means shore went back to a backup. */
  epoch: z.uuid().nullable().optional(),
  /** This device's last seq in shore's newest completed backup: settled mutations up to it may go after their retention window. */
  backedUpSeq: z.number().int().nonnegative().optional(),
});
export type PushResponse = z.infer<typeof pushResponse>;

export const pullQuery = z.object({
  site: z.coerce.number().int().nonnegative().default(0),
  org: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_ROWS).default(MAX_PULL_ROWS),
});

/**
 * A row as the server holds it: an object of column values. Checked as a plain object only: its
 * columns are checked where it is written (known columns only, SQLite's STRICT types), and a
 * per-key record check was most of the time a pull spent validating.
 */
const serverRow = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
  message: 'A row must be an object of column values.',
});

export const pulledChange = z.object({
  table: z.enum(SYNCED_TABLES as unknown as [string, ...string[]]),
  row: serverRow,
});
export type PulledChange = z.infer<typeof pulledChange>;

export const pullResponse = z.object({
  changes: z.array(pulledChange),
  site: z.number().int().nonnegative(),
  org: z.number().int().nonnegative(),
  more: z.boolean(),
  /** The central database's epoch (see pushResponse). */
  epoch: z.uuid().nullable().optional(),
  /** The streams' newest versions: lower than the kiosk's cursor means shore went back in time. */
  heads: z.object({ site: z.number().int().nonnegative(), org: z.number().int().nonnegative() }).optional(),
  /** The last seq shore holds from this device, so a kiosk that finds shore went back knows what to send again. */
  deviceSeq: z.number().int().nonnegative().optional(),
});
export type PullResponse = z.infer<typeof pullResponse>;

/**
 * `deviceId`: enrolling again a kiosk a restored shore no longer knows, under the id it already
 * has; `heldSiteId`: the site whose data it holds, checked against the code's (never chosen by it).
 */
/**
 * POST /v1/enrollment-codes, over a device token: a kiosk asks shore for a one-time code for its
 * own site, in the name of the signed-in administrator, whose permission shore checks again.
 */
/** How long a code made from a kiosk lives: 5 minutes to a day, an hour unless asked. */
export const codeTtlMinutes = z
  .number()
  .int()
  .min(5)
  .max(24 * 60)
  .default(60);

export const siteCodeRequest = z.object({ userId: z.uuid(), ttlMinutes: codeTtlMinutes }).strict();
export const siteCodeResponse = z.object({ code: z.string(), expiresAt: z.string() });

export const enrollRequest = z
  .object({
    code: z.string().min(4).max(40),
    deviceName: z.string().trim().min(1).max(80),
    deviceId: z.uuid().optional(),
    heldSiteId: z.uuid().optional(),
    /** The kiosk's raw Ed25519 public key (base64url): shore checks its mutations' signatures with it. */
    publicKey: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/, 'a raw Ed25519 public key in base64url')
      .optional(),
  })
  .strict();
export const enrollResponse = z.object({ deviceId: z.uuid(), siteId: z.uuid(), token: z.string() });

/** A poke on the live socket: the site's version moved; pull now. */
export const pokeMessage = z.object({ type: z.literal('poke'), site: z.number().int() });
