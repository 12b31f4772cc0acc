import { z } from 'zod';
import { AUDIT_AREA_IDS } from '../audit/areas.js';
import { backupsContract } from '../backups/contract.js';
import { classesContract } from '../classes/contract.js';
import { devicesContract } from '../devices/contract.js';
import { updatesContract } from '../updates/contract.js';
import { healthContract } from '../health/contract.js';
import { incidentsContract } from '../incidents/contract.js';
import { complianceContract } from '../compliance/contract.js';
import { fuelContract } from '../fuel/contract.js';
import { AREAS, PERMISSIONS, type Permission } from '../permissions.js';
import { LINK_ERROR_CODES } from '../sync/link-error.js';
import { PENDING_KINDS } from '../sync/pending-summary.js';
import { tablesContract } from '../tables/contract.js';
import { trainingContract } from '../training/contract.js';
import { linksContract } from '../links/contract.js';
import { notificationsContract } from '../notifications/contract.js';
import { peopleContract } from '../people/contract.js';
import { timeZoneField } from '../mutations/sites.js';
import type { MethodSpec } from './method-spec.js';
import { complianceExportContract } from '../compliance/export-contract.js';
import { incidentsExportContract } from '../incidents/export-contract.js';

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
const empty = z.object({}).strict();
const okOut = z.object({ ok: z.literal(true) });

export const localeSchema = z.enum(['en', 'fr']);
export const pinSchema = z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits');
const areaId = z.enum(AREAS.map((a) => a.id) as [string, ...string[]]);

export const siteInfo = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['restaurant', 'vessel']),
  timezone: z.string(),
  idleLockSeconds: z.number().int(),
});

export const sessionUser = z.object({
  id: z.uuid(),
  displayName: z.string(),
  locale: localeSchema,
  roleCode: z.string(),
  roleName: z.object({ en: z.string(), fr: z.string() }),
  permissions: z.array(z.enum(PERMISSIONS)),
  /** An administrator reset this person's PIN to a temporary one: the app asks for a new PIN first. */
  mustChangePin: z.boolean().default(false),
});

export const sessionInfo = z.object({
  token: z.string(),
  user: sessionUser,
  state: z.enum(['active', 'locked']),
  startedAt: z.string(),
  expiresAt: z.string(),
  idleLockSeconds: z.number().int(),
});

/** One route to shore and how it last went (today a kiosk has one: the sync service). */
export const linkStatus = z.object({
  id: z.string(),
  /** Where it goes, e.g. "127.0.0.1:7400". */
  address: z.string(),
  online: z.boolean(),
  lastSuccessAt: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  lastErrorCode: z.enum(LINK_ERROR_CODES).nullable(),
});

export const syncStatus = z.object({
  online: z.boolean(),
  pendingCount: z.number().int().nonnegative(),
  /** The pending changes by what they change, for "3 changes waiting: 2 class changes, 1 …". */
  pendingByKind: z.array(z.object({ kind: z.enum(PENDING_KINDS), count: z.number().int().positive() })),
  oldestPendingAt: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  /** The raw text of the last failure, for logs and support; screens say `links[].lastErrorCode`. */
  lastError: z.string().nullable(),
  conflictCount: z.number().int().nonnegative(),
  deadLetterCount: z.number().int().nonnegative(),
  /** Shore does not know this device (a restored shore lost its enrolment, or it was revoked): enrol it again with a new code. */
  deviceUnknown: z.boolean().default(false),
  /** ...because an administrator revoked it: it can only come back as a new kiosk, from a new data folder. */
  deviceRevoked: z.boolean().default(false),
  /** The kiosk's clock when this was read: "3 minutes ago" counts from it, not from the display's own clock. */
  now: z.string().optional(),
  /** Empty on a kiosk with no link to shore set up (a standalone demo). */
  links: z.array(linkStatus),
});

export const userTile = z.object({
  id: z.uuid(),
  displayName: z.string(),
  roleCode: z.string(),
  roleName: z.object({ en: z.string(), fr: z.string() }),
  lockedUntil: z.string().nullable(),
});

export const auditEntry = z.object({
  id: z.uuid(),
  action: z.string(),
  area: z.enum(AUDIT_AREA_IDS),
  actorName: z.string().nullable(),
  subjectName: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  deviceId: z.string(),
  /** The kiosk's name at the site, once it has reported (device_status); null before. */
  deviceName: z.string().nullable(),
  /** Made on the kiosk that lists it. */
  self: z.boolean(),
});

const auditDay = z.iso.date({ error: 'Enter a day as YYYY-MM-DD.' });

export const conflictEntry = z.object({
  id: z.uuid(),
  kind: z.enum(['rejected', 'overwritten', 'dead_letter']),
  code: z.string(),
  message: z.string(),
  mutation: z.string(),
  personName: z.string().nullable(),
  createdAt: z.string(),
  /** For an edit that lost to a later one: what it changed, in terms a person reads. */
  lost: z
    .object({
      madeAt: z.string(),
      deviceName: z.string().nullable(),
      changes: z.array(
        z.object({
          table: z.string(),
          field: z.string(),
          recordName: z.string().nullable(),
          mine: z.string().nullable(),
          kept: z.string().nullable(),
          secret: z.boolean(),
          keptAt: z.string(),
          keptDeviceName: z.string().nullable(),
        }),
      ),
    })
    .nullable()
    .default(null),
});

/** A change of this kiosk the server gave up on or refused, still in the local outbox. */
export const deadLetter = z.object({
  seq: z.number().int(),
  mutation: z.string(),
  status: z.enum(['rejected', 'dead']),
  error: z.string().nullable(),
  queuedAt: z.string(),
});

export const roleSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.object({ en: z.string(), fr: z.string() }),
  /** Whether the signed-in person may give this role (it holds no right they lack). */
  grantable: z.boolean(),
});

/**
 * The API contract: every method the renderer may call, with its input and output schemas and
 * who may call it. The dispatcher's allow-list, the IPC bridge, the HTTP host and the renderer
 * client are all derived from this one object.
 */
export const contract = {
  'app.info': method({
    access: 'public',
    input: empty,
    output: z.object({ version: z.string(), deviceId: z.string(), site: siteInfo, demo: z.boolean() }),
    touchesSession: false,
  }),
  'status.get': method({ access: 'public', input: empty, output: syncStatus, touchesSession: false }),

  'auth.users': method({ access: 'public', input: empty, output: z.array(userTile), touchesSession: false }),
  'auth.signIn': method({
    access: 'public',
    input: z.object({ userId: z.uuid(), pin: pinSchema }).strict(),
    output: sessionInfo,
  }),
  'auth.unlock': method({ access: 'public', input: z.object({ pin: pinSchema }).strict(), output: sessionInfo }),
  'auth.session': method({ access: 'public', input: empty, output: sessionInfo.nullable(), touchesSession: false }),
  'auth.activity': method({ access: 'session', input: empty, output: okOut }),
  'auth.signOut': method({ access: 'public', input: empty, output: okOut }),

  'home.areas': method({ access: 'session', input: empty, output: z.array(areaId) }),

  'audit.list': method({
    access: 'audit.view',
    input: z
      .object({
        limit: z.number().int().min(1).max(500).default(100),
        before: z.string().max(40).optional(),
        beforeId: z.uuid().optional(),
        actorUserId: z.uuid().optional(),
        area: z.enum(AUDIT_AREA_IDS).optional(),
        from: auditDay.optional(),
        to: auditDay.optional(),
      })
      .strict()
      .refine((i) => !i.from || !i.to || i.from <= i.to, {
        path: ['to'],
        message: 'The last day comes before the first day: swap them.',
      }),
    output: z.array(auditEntry),
  }),

  'audit.people': method({
    access: 'audit.view',
    input: empty,
    output: z.array(z.object({ id: z.uuid(), name: z.string() })),
  }),

  'admin.users': method({
    access: 'users.manage',
    // Reloaded on every synced change to people: reading it must not keep an idle session awake.
    touchesSession: false,
    input: empty,
    // `changeable`: whether the signed-in person may change that person's role (never their own).
    output: z.object({
      users: z.array(userTile.extend({ roleId: z.uuid(), changeable: z.boolean() })),
      roles: z.array(roleSummary),
    }),
  }),
  'admin.createUser': method({
    access: 'users.manage',
    input: z
      .object({ displayName: z.string().trim().min(1).max(80), locale: localeSchema, pin: pinSchema, roleId: z.uuid() })
      .strict(),
    output: z.object({ id: z.uuid() }),
  }),
  'admin.setRole': method({
    access: 'users.manage',
    input: z.object({ userId: z.uuid(), roleId: z.uuid() }).strict(),
    output: okOut,
  }),
  'admin.setIdleLock': method({
    access: 'settings.manage',
    input: z.object({ seconds: z.number().int().min(15).max(3600) }).strict(),
    output: okOut,
  }),
  'admin.setTimezone': method({
    access: 'settings.manage',
    input: z.object({ timezone: timeZoneField }).strict(),
    output: okOut,
  }),
  'sync.conflicts': method({
    access: 'sync.view',
    input: empty,
    output: z.object({ conflicts: z.array(conflictEntry), deadLetters: z.array(deadLetter) }),
    // Reloaded when synced data arrives: that must not keep an unattended screen from locking.
    touchesSession: false,
  }),
  'sync.reenrol': method({
    access: 'devices.manage',
    input: z
      // The code typed, or the text of its scanned QR code (shared/devices/enrol-payload.ts).
      .object({ code: z.string().trim().min(4, 'Type the enrollment code, e.g. K7QM-2XHD-9RTA').max(400) })
      .strict(),
    output: okOut,
  }),
  /** Runs a sync cycle now (push, then pull): whether it went through, and the status after it. */
  'sync.now': method({
    access: 'sync.view',
    input: empty,
    output: z.object({ succeeded: z.boolean(), status: syncStatus }),
  }),
  'sync.resolveConflict': method({
    access: 'conflicts.resolve',
    input: z.object({ id: z.uuid() }).strict(),
    output: okOut,
  }),
  /** "Use mine instead" on an edit that lost: runs conflicts.useMine, which checks the rest. */
  'sync.useMine': method({ access: 'sync.view', input: z.object({ id: z.uuid() }).strict(), output: okOut }),
  ...backupsContract,
  ...peopleContract,
  ...classesContract,
  ...healthContract,
  ...devicesContract,
  ...updatesContract,
  ...trainingContract,
  ...tablesContract,
  ...linksContract,
  ...incidentsContract,
  ...complianceContract,
  ...fuelContract,
  ...notificationsContract,
  ...complianceExportContract,
  ...incidentsExportContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export const isMethodName = (name: string): name is MethodName => Object.prototype.hasOwnProperty.call(contract, name);

/** Events the core sends to every connected renderer. */
export const coreEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('data.changed'), tables: z.array(z.string()) }),
  z.object({ type: z.literal('session.locked'), reason: z.enum(['idle']) }),
  z.object({ type: z.literal('session.ended'), reason: z.enum(['expired', 'signed_out']) }),
  z.object({ type: z.literal('status.changed'), status: syncStatus }),
]);
export type CoreEvent = z.infer<typeof coreEvent>;

/** Largest request body of a method, unless its spec says more (`maxBytes`: one carrying a file). */
export const MAX_REQUEST_BYTES = 64 * 1024;

/** The request limit of `method` (an unknown one gets the default, and is refused anyway). */
export const maxRequestBytesOf = (method: string): number =>
  (isMethodName(method) && (contract[method] as { maxBytes?: number }).maxBytes) || MAX_REQUEST_BYTES;

/** The largest request any method takes: what a transport reads at most before asking the method's own limit. */
export const LARGEST_REQUEST_BYTES = Math.max(
  MAX_REQUEST_BYTES,
  ...Object.values(contract).map((m) => (m as { maxBytes?: number }).maxBytes ?? 0),
);
