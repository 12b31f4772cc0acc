import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { derivedId } from '../../shared/ids.js';
import type { NotificationKind } from '../../shared/notifications/kinds.js';
import { preferenceId } from '../../shared/notifications/mutations.js';
import { retryDelayMs, type ShoreChannel } from '../../shared/notifications/delivery-work.js';
import { settledNotices } from '../../shared/notifications/settled.js';
import type { SyncedDatabase } from '../../shared/schema.js';
import type { CentralDatabase } from '../db/central-schema.js';
import { nextSiteVersion } from '../db/site-versions.js';
import type { CentralTransaction } from '../db/site-tx.js';
import type { OutgoingMessage, ShoreChannelSet } from './channels.js';
import { digestMessage, notificationMessage, type MessageSource } from './message.js';
import { planNotification, scopeToSite } from './planner.js';

export interface DeliveryWorkerOptions {
  /** The service role's pool (row-level security holds every site-data read and write). */
  db: Kysely<CentralDatabase>;
  channels: ShoreChannelSet;
  clock: { now(): number };
  /** This instance's name in leases (default a random id). */
  owner?: string;
  /** How long a claim holds before another instance may take the row over (default 5 minutes). */
  leaseMs?: number;
  log?: { info(o: object, m: string): void; warn(o: object, m: string): void; error(o: object, m: string): void };
  /** Called inside a claim's transaction once its row is picked and locked: tests line instances up here. */
  onPicked?: (sendId: string) => Promise<void>;
}

/** A claimed delivery: one message to send, covering one work row, or several for a digest. */
export interface ClaimedDelivery {
  siteId: string;
  channel: ShoreChannel;
  attempt: number;
  rows: { sendId: string; notificationId: string; deliveryId: string; attempt: number }[];
  message: OutgoingMessage;
}

interface SendRow {
  id: string;
  site_id: string;
  notification_id: string;
  channel: ShoreChannel;
  user_id: string;
  digest_date: string | null;
  attempts: number;
}

/** The id of attempt `attempt` of one work row: its record in notification_deliveries. */
export const deliveryId = (sendId: string, attempt: number) =>
  derivedId('notification_delivery', sendId, String(attempt));

const DEFAULT_LEASE_MS = 5 * 60_000;
const UNKNOWN =
  'The service instance sending this stopped before recording the outcome; its lease ran out and it is sent again.';

/**
 * The sync service's delivery worker (issue 17 §3): plans notifications that reached central into
 * `notification_sends`, claims due rows under a lease with FOR UPDATE SKIP LOCKED, sends them on
 * email or the webhook, and records every attempt in the synced `notification_deliveries` with
 * exponential backoff. Several instances on one database share the work; see docs/architecture.md
 * ("Notifications ashore") for why nothing is sent twice.
 *
 * @example
 * const worker = createDeliveryWorker({ db: central.service, channels, clock: { now: Date.now } });
 * worker.start(5_000);
 */
export function createDeliveryWorker(o: DeliveryWorkerOptions) {
  const owner = o.owner ?? randomUUID();
  const leaseMs = o.leaseMs ?? DEFAULT_LEASE_MS;
  const offered = { email: !!o.channels.email, webhook: !!o.channels.webhook };
  const channels = (Object.keys(offered) as ShoreChannel[]).filter((c) => offered[c]);
  const iso = (ms = o.clock.now()) => new Date(ms).toISOString();

  /** Plans queued notifications, 20 a transaction, until the queue is empty; returns rows added. */
  async function plan(): Promise<number> {
    let added = 0;
    for (;;) {
      const batch = await o.db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ notification_id: string; site_id: string }>`
          SELECT notification_id, site_id FROM notification_plan_queue
          ORDER BY queued_at, notification_id LIMIT 20 FOR UPDATE SKIP LOCKED`.execute(trx);
        for (const r of rows) {
          added += await planNotification(trx, r.notification_id, r.site_id, offered, iso());
          await sql`DELETE FROM notification_plan_queue WHERE notification_id = ${r.notification_id}`.execute(trx);
        }
        return rows.length;
      });
      if (batch === 0) return added;
    }
  }

  /**
   * Claims the next due work row (with the rest of its digest), in one transaction that leases
   * it, records the attempt as `sending` and skips what was acknowledged on board meanwhile.
   * Null when nothing is due.
   */
  async function claim(): Promise<ClaimedDelivery | null> {
    for (;;) {
      const r = await o.db.transaction().execute((trx) => claimIn(trx));
      if (r !== 'skipped') return r;
    }
  }

  async function claimIn(trx: CentralTransaction): Promise<ClaimedDelivery | null | 'skipped'> {
    const now = iso();
    if (channels.length === 0) return null;
    const first = await sql<SendRow>`
      SELECT id, site_id, notification_id, channel, user_id, digest_date::text AS digest_date, attempts
      FROM notification_sends
      WHERE state = 'pending' AND due_at <= ${now} AND channel = ANY(${channels})
        AND (lease_until IS NULL OR lease_until <= ${now})
      ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`.execute(trx);
    const head = first.rows[0];
    if (!head) return null;
    await o.onPicked?.(head.id);
    let rows = [head];
    if (head.digest_date !== null) {
      const more = await sql<SendRow>`
        SELECT id, site_id, notification_id, channel, user_id, digest_date::text AS digest_date, attempts
        FROM notification_sends
        WHERE state = 'pending' AND user_id = ${head.user_id} AND channel = ${head.channel}
          AND digest_date = ${head.digest_date}::date AND site_id = ${head.site_id} AND id <> ${head.id}
          AND due_at <= ${now} AND (lease_until IS NULL OR lease_until <= ${now})
        ORDER BY id FOR UPDATE SKIP LOCKED`.execute(trx);
      rows = [head, ...more.rows];
    }
    const siteId = head.site_id;
    await scopeToSite(trx, siteId);
    const notes = await trx
      .selectFrom('notifications')
      .select(['id', 'kind', 'urgency', 'params', 'raised_at', 'acknowledged_at', 'subject_kind', 'subject_id'])
      .where(
        'id',
        'in',
        rows.map((r) => r.notification_id),
      )
      .execute();
    const noteOf = new Map(notes.map((n) => [n.id, n]));
    const person = await trx
      .selectFrom('users')
      .select(['id', 'display_name', 'locale'])
      .where('id', '=', head.user_id)
      .executeTakeFirst();
    const prefs = await trx
      .selectFrom('notification_preferences')
      .select(['email'])
      .where('id', '=', preferenceId(head.user_id, siteId))
      .executeTakeFirst();
    const site = await trx.selectFrom('sites').select(['name', 'timezone']).where('id', '=', siteId).executeTakeFirst();
    const to = head.channel === 'email' ? (prefs?.email ?? null) : (o.channels.webhook?.url ?? null);

    const version = await nextSiteVersion(trx, siteId);
    const deliveryRow = (r: SendRow, attempt: number, outcome: string, error: string, address: string) => ({
      id: deliveryId(r.id, attempt),
      site_id: siteId,
      notification_id: r.notification_id,
      channel: r.channel,
      address,
      attempt,
      outcome,
      error,
      message_id: keyOf(rows, r),
      at: now,
      next_attempt_at: null,
      created_at: now,
      updated_at: now,
      _version: version,
    });
    // An earlier claim whose instance died mid-lease: its attempt's outcome is unknown, say so.
    const stale = rows.filter((r) => r.attempts > 0).map((r) => deliveryId(r.id, r.attempts));
    if (stale.length)
      await trx
        .updateTable('notification_deliveries')
        .set({ outcome: 'failed', error: UNKNOWN, updated_at: now, _version: version })
        .where('id', 'in', stale)
        .where('outcome', '=', 'sending')
        .execute();

    // Not sent: one acknowledged on board, or one whose subject was dealt with since it was raised
    // (the report submitted, the fuel anomaly taken up), read on central with every kiosk's rows.
    const settled = await settledNotices(trx as unknown as Kysely<SyncedDatabase>, notes);
    const whySkipped = (r: SendRow): string | null => {
      const n = noteOf.get(r.notification_id);
      if (!n || n.acknowledged_at !== null) return 'skipped: acknowledged';
      return settled.has(n.id) ? 'skipped: done' : null;
    };
    const skipped = rows.filter((r) => whySkipped(r) !== null);
    const sending = rows.filter((r) => !skipped.includes(r));
    for (const r of skipped) {
      const why = whySkipped(r)!;
      await sql`UPDATE notification_sends SET state = 'skipped', attempts = attempts + 1, lease_owner = NULL, lease_until = NULL,
                  last_error = ${why}, updated_at = ${now} WHERE id = ${r.id}`.execute(trx);
      await trx
        .insertInto('notification_deliveries')
        .values(deliveryRow(r, r.attempts + 1, 'skipped', why, to ?? '') as never)
        .execute();
    }
    if (sending.length === 0) return 'skipped';
    if (!to || !person || !site) {
      const why = !to ? 'No address: the person has no email address, or the webhook is not configured.' : 'Not found.';
      for (const r of sending) {
        await sql`UPDATE notification_sends SET state = 'gave_up', attempts = attempts + 1, lease_owner = NULL,
                    lease_until = NULL, last_error = ${why}, updated_at = ${now} WHERE id = ${r.id}`.execute(trx);
        await trx
          .insertInto('notification_deliveries')
          .values(deliveryRow(r, r.attempts + 1, 'failed', why, '') as never)
          .execute();
      }
      return 'skipped';
    }
    const leaseUntil = iso(o.clock.now() + leaseMs);
    for (const r of sending) {
      await sql`UPDATE notification_sends SET attempts = attempts + 1, lease_owner = ${owner}, lease_until = ${leaseUntil},
                  updated_at = ${now} WHERE id = ${r.id}`.execute(trx);
      await trx
        .insertInto('notification_deliveries')
        .values(deliveryRow(r, r.attempts + 1, 'sending', '', to) as never)
        .execute();
    }
    const frame = { locale: person.locale, siteName: site.name, timeZone: site.timezone };
    const sources: (MessageSource & { id: string; urgency: string })[] = sending.map((r) => {
      const n = noteOf.get(r.notification_id)!;
      return {
        id: n.id,
        kind: n.kind as NotificationKind,
        urgency: n.urgency,
        params: JSON.parse(n.params) as MessageSource['params'],
        raisedAt: n.raised_at,
      };
    });
    const text = head.digest_date !== null ? digestMessage(sources, frame) : notificationMessage(sources[0]!, frame);
    const key = keyOf(rows, head);
    return {
      siteId,
      channel: head.channel,
      attempt: head.attempts + 1,
      rows: sending.map((r) => ({
        sendId: r.id,
        notificationId: r.notification_id,
        deliveryId: deliveryId(r.id, r.attempts + 1),
        attempt: r.attempts + 1,
      })),
      message: {
        to,
        ...text,
        deliveryKey: key,
        sentAt: now,
        payload: {
          delivery: key,
          sentAt: now,
          site: { id: siteId, name: site.name, timeZone: site.timezone },
          recipient: { userId: person.id, name: person.display_name, locale: person.locale },
          subject: text.subject,
          text: text.text,
          digestDate: head.digest_date,
          notifications: sources.map((s) => ({
            id: s.id,
            kind: s.kind,
            urgency: s.urgency,
            raisedAt: s.raisedAt,
            params: s.params,
          })),
        },
      },
    };
  }

  /** Sends a claimed delivery and records the outcome; a failure is retried with backoff, or given up. */
  async function deliver(c: ClaimedDelivery): Promise<'sent' | 'failed'> {
    let error: string | null = null;
    try {
      const channel = c.channel === 'email' ? o.channels.email : o.channels.webhook;
      if (!channel) throw new Error(`The ${c.channel} channel is not configured on this instance.`);
      await channel.send(c.message);
    } catch (err) {
      error = (err instanceof Error ? err.message : String(err)).slice(0, 500) || 'Unknown error';
    }
    await o.db.transaction().execute(async (trx) => {
      await scopeToSite(trx, c.siteId);
      const now = iso();
      const version = await nextSiteVersion(trx, c.siteId);
      const delay = error === null ? null : retryDelayMs(c.attempt);
      const nextAt = delay === null ? null : iso(o.clock.now() + delay);
      for (const r of c.rows) {
        // Fenced by owner and attempt: a late answer after the lease passed to another instance changes no work row.
        const state = error === null ? 'sent' : nextAt === null ? 'gave_up' : 'pending';
        const moved = await sql`
          UPDATE notification_sends SET state = ${state}, lease_owner = NULL, lease_until = NULL, last_error = ${error},
            due_at = COALESCE(${nextAt}::timestamptz, due_at), updated_at = ${now}
          WHERE id = ${r.sendId} AND lease_owner = ${owner} AND attempts = ${r.attempt}`.execute(trx);
        if (Number(moved.numAffectedRows ?? 0) === 0)
          o.log?.warn(
            { sendId: r.sendId },
            'delivery lease had passed to another instance before its outcome was recorded',
          );
        await trx
          .updateTable('notification_deliveries')
          .set({
            outcome: error === null ? 'sent' : 'failed',
            error: error ?? '',
            at: now,
            next_attempt_at: nextAt,
            updated_at: now,
            _version: version,
          })
          .where('id', '=', r.deliveryId)
          .execute();
      }
    });
    if (error !== null) o.log?.warn({ channel: c.channel, attempt: c.attempt, error }, 'notification delivery failed');
    return error === null ? 'sent' : 'failed';
  }

  /** One pass: plan what arrived, then send everything due. */
  async function runOnce(): Promise<{ planned: number; sent: number; failed: number }> {
    const planned = await plan();
    let sent = 0;
    let failed = 0;
    for (let i = 0; i < 1000; i++) {
      const c = await claim();
      if (!c) break;
      if ((await deliver(c)) === 'sent') sent++;
      else failed++;
    }
    return { planned, sent, failed };
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  return {
    owner,
    plan,
    claim,
    deliver,
    runOnce,
    /** Runs a pass every `intervalMs` (never two at once) until `stop`. */
    start(intervalMs = 5_000) {
      const tick = () => {
        running = runOnce()
          .catch((err: unknown) => o.log?.error({ err }, 'notification delivery pass failed'))
          .finally(() => {
            if (timer) timer = setTimeout(tick, intervalMs);
          });
      };
      timer = setTimeout(tick, 0);
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
      o.channels.email?.close();
    },
  };
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;

/** One Message-ID for a message: the work row's, or for a digest the digest's (person, channel, date). */
function keyOf(rows: SendRow[], r: SendRow): string {
  const head = rows[0]!;
  const id =
    head.digest_date !== null ? derivedId('notification_digest', head.user_id, head.channel, head.digest_date) : r.id;
  return `<${id}@shiftdeck>`;
}
