import type { z } from 'zod';
import type { syncStatus } from '../../shared/api/contract.js';
import { decodeHlc } from '../../shared/hlc.js';
import type { LinkErrorCode } from '../../shared/sync/link-error.js';
import { summarisePending } from '../../shared/sync/pending-summary.js';
import type { Store } from './db/store.js';

export type SyncStatus = z.infer<typeof syncStatus>;

/** What the sync client tells the status view; the counts come from the outbox and conflicts rows. */
export interface LinkState {
  online: boolean;
  lastSyncAt: string | null;
  lastError: string | null;
  /** Shore refused this device's token: sync is paused until it is enrolled again. */
  deviceUnknown: boolean;
  /** ...because an administrator revoked it: enrolling it again under the same identity is refused. */
  deviceRevoked?: boolean;
  lastErrorCode?: LinkErrorCode | null;
  lastErrorAt?: string | null;
  /** The sync service's host:port; absent when this kiosk has no link to shore. */
  address?: string;
}

export const OFFLINE: LinkState = Object.freeze({
  online: false,
  lastSyncAt: null,
  lastError: null,
  deviceUnknown: false,
});

/** Sync status for a person: derived from the outbox rows, never kept as a counter. */
export async function readSyncStatus(store: Store, link: LinkState, now?: number): Promise<SyncStatus> {
  const row = await store.db
    .selectFrom('outbox')
    .select((eb) => [
      eb.fn.count<number>('seq').filterWhere('status', '=', 'pending').as('pending'),
      eb.fn.count<number>('seq').filterWhere('status', '=', 'dead').as('dead'),
      eb.fn.min<string | null>('hlc').filterWhere('status', '=', 'pending').as('oldest'),
    ])
    .executeTakeFirstOrThrow();
  const byName = await store.db
    .selectFrom('outbox')
    .select((eb) => ['name', eb.fn.countAll<number>().as('count')])
    .where('status', '=', 'pending')
    .groupBy('name')
    .execute();
  const conflicts = await store.db
    .selectFrom('conflicts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('resolved_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    online: link.online,
    pendingCount: Number(row.pending),
    oldestPendingAt: row.oldest ? new Date(decodeHlc(row.oldest).wall).toISOString() : null,
    lastSyncAt: link.lastSyncAt,
    lastError: link.lastError,
    conflictCount: Number(conflicts.n),
    deadLetterCount: Number(row.dead),
    deviceUnknown: link.deviceUnknown,
    deviceRevoked: link.deviceRevoked === true,
    ...(now === undefined ? {} : { now: new Date(now).toISOString() }),
    pendingByKind: summarisePending(byName.map((r) => ({ name: r.name, count: Number(r.count) }))),
    links: link.address
      ? [
          {
            id: 'shore',
            address: link.address,
            online: link.online,
            lastSuccessAt: link.lastSyncAt,
            lastErrorAt: link.lastErrorAt ?? null,
            lastErrorCode: link.lastErrorCode ?? null,
          },
        ]
      : [],
  };
}
