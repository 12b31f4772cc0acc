import { z } from 'zod';
import { AppError } from '../errors.js';
import { defineMutation, type MutationDef } from '../mutations/define.js';
import {
  RETENTION_KIND_IDS,
  RETENTION_KINDS,
  retentionCutoff,
  retentionDays,
  retentionSettingId,
} from './retention.js';

/** An error's code: its class (`TypeError`) or system code (`SQLITE_BUSY`); never free text. */
export const errorCode = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'An error code is a name such as TypeError');
/** Where it happened: `api:<method>`, `job:<job id>`, `sync:<step>` or `app:<part>`. */
export const errorPlace = z
  .string()
  .regex(/^(api|job|sync|app):[A-Za-z][A-Za-z0-9_.-]{0,80}$/, 'A place is api:<method> or job:<id>');

/**
 * Records an unexpected error: its code and place only, so the log holds no personal data and no
 * text a person typed. Insert-only and synced, so shore sees every kiosk's errors.
 */
export const recordError = defineMutation({
  name: 'health.recordError',
  audit: 'none',
  version: 1,
  authority: 'device',
  blind: true,
  args: z
    .object({
      id: z.uuid(),
      code: errorCode,
      place: errorPlace,
      appVersion: z.string().regex(/^[0-9A-Za-z.+-]{1,40}$/, 'A version such as 1.4.0'),
      occurredAt: z.iso.datetime(),
    })
    .strict(),
  run: (ctx, a) =>
    ctx.write.insert('error_log', {
      id: a.id,
      site_id: ctx.siteId,
      device_id: ctx.deviceId,
      code: a.code,
      place: a.place,
      app_version: a.appVersion,
      occurred_at: a.occurredAt,
      deleted_at: null,
    }),
});

/** An administrator sets how many days a kind of data is kept at the site. */
export const setRetention = defineMutation({
  name: 'health.setRetention',
  version: 1,
  authority: 'settings.manage',
  args: z.object({ kind: z.enum(RETENTION_KIND_IDS), days: z.number().int() }).strict(),
  async run(ctx, a) {
    const spec = RETENTION_KINDS.find((k) => k.kind === a.kind)!;
    if (a.days < spec.minDays || a.days > spec.maxDays)
      throw new AppError('VALIDATION_FAILED', `Days: between ${spec.minDays} and ${spec.maxDays}.`, {
        field: 'days',
        issues: [{ path: 'days', message: `between ${spec.minDays} and ${spec.maxDays}` }],
      });
    const id = retentionSettingId(ctx.siteId, a.kind);
    const inserted = await ctx.write.insertIfAbsent('retention_settings', {
      id,
      site_id: ctx.siteId,
      kind: a.kind,
      days: a.days,
    });
    if (!inserted) await ctx.write.update('retention_settings', id, { days: a.days });
  },
});

/** Retention: soft-deletes error log entries older than the site's setting (90 days by default). */
export const pruneErrorLog = defineMutation({
  name: 'health.pruneErrorLog',
  version: 1,
  authority: 'device',
  args: z.object({}).strict(),
  async run(ctx) {
    const cutoff = retentionCutoff(ctx.now, await retentionDays(ctx.db, ctx.siteId, 'error_log'));
    const old = await ctx.db
      .selectFrom('error_log')
      .select('id')
      .where('site_id', '=', ctx.siteId)
      .where('deleted_at', 'is', null)
      .where('occurred_at', '<', cutoff)
      .execute();
    for (const r of old) await ctx.write.softDelete('error_log', r.id);
  },
});

export const HEALTH_MUTATIONS: readonly MutationDef[] = [
  recordError,
  setRetention,
  pruneErrorLog,
] as unknown as readonly MutationDef[];
