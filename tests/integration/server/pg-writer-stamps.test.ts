import { describe, expect, it } from 'vitest';
import { createCentralSite } from '../../../server/db/sites.js';
import { inSiteTransaction } from '../../../server/db/site-tx.js';
import { createPgWriter, type OverwrittenChange } from '../../../server/sync/pg-writer.js';
import { encodeHlc } from '../../../shared/hlc.js';
import { newId } from '../../../shared/ids.js';
import { createTestDatabase } from '../../helpers/postgres.js';

const T0 = Date.parse('2026-11-22T09:00:00Z');
const hlc = (minute: number) => encodeHlc({ wall: T0 + minute * 60_000, counter: 0, node: 'test-device' });

describe('field stamps of the central writer', () => {
  it('reports a soft delete that undoes a restore stamped later than itself, and not one stamped earlier', async () => {
    const t = await createTestDatabase();
    const siteId = newId();
    await createCentralSite(t.service, { id: siteId, kind: 'restaurant', name: 'Bistro', timezone: 'Europe/Paris' });
    const studentId = newId();
    const overwrites: OverwrittenChange[] = [];
    /** One write in its own site transaction, as a pushed mutation stamped at `minute` would. */
    const write = (minute: number, fn: (w: ReturnType<typeof createPgWriter>['direct']) => Promise<unknown>) =>
      inSiteTransaction(t.service, siteId, async (trx) => {
        const writer = createPgWriter(trx, {
          siteId,
          now: new Date(T0 + minute * 60_000).toISOString(),
          hlc: hlc(minute),
          serverTime: T0 + 60 * 60_000,
          onOverwrite: (c) => void overwrites.push(c),
        });
        await fn(writer.direct);
        await writer.flush();
      });

    await write(0, (w) =>
      w.insert('students', {
        id: studentId,
        site_id: siteId,
        first_name: 'Ana',
        last_name: 'Ribeiro',
        course: 'French',
        start_date: '2026-11-23',
        end_date: null,
        schedule: '[]',
        schedule_since: null,
        deleted_at: null,
      }),
    );
    await write(1, (w) => w.softDelete('students', studentId));
    // Brought back by a change made at minute 5...
    await write(5, (w) => w.update('students', studentId, { deleted_at: null }));
    // ...then a delete made at minute 3 (on a kiosk offline since) arrives: it still applies, in
    // commit order, and the restore it undid is reported.
    await write(3, (w) => w.softDelete('students', studentId));
    expect(overwrites).toEqual([
      { table: 'students', id: studentId, previous: { deleted_at: null }, previousHlc: hlc(5) },
    ]);

    // Restored again at minute 6 and deleted at minute 7: nothing newer was undone.
    await write(6, (w) => w.update('students', studentId, { deleted_at: null }));
    await write(7, (w) => w.softDelete('students', studentId));
    expect(overwrites).toHaveLength(1);
    const row = await t.admin
      .selectFrom('students')
      .select('deleted_at')
      .where('id', '=', studentId)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
  });
});
