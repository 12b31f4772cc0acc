import { sql, type Kysely } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCentralDb } from '../../../server/db/connect.js';
import type { CentralDatabase } from '../../../server/db/central-schema.js';
import { inSiteTransaction } from '../../../server/db/site-tx.js';
import { currentSiteVersion, nextSiteVersion } from '../../../server/db/site-versions.js';
import { pullChanges } from '../../../server/sync/pull.js';
import { encodeHlc } from '../../../shared/hlc.js';
import { newId } from '../../../shared/ids.js';
import { siteOf, startService } from '../../helpers/sync.js';

const SITE = siteOf('restaurant');
const DEVICE = '00000000-0000-4000-8000-00000000d0d0';

/** A promise and the function that resolves it: a gate the test opens when it chooses. */
function gate() {
  let open!: () => void;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const auditRow = (id: string, version: number, n: number) => {
  const now = new Date().toISOString();
  return {
    id,
    site_id: SITE,
    action: 'test.row',
    actor_user_id: null,
    subject_user_id: null,
    device_id: DEVICE,
    hlc: encodeHlc({ wall: Date.now(), counter: n, node: DEVICE }),
    detail: '{}',
    created_at: now,
    updated_at: now,
    _version: version,
  };
};

/**
 * A puller like a kiosk: pulls pages from its cursor again and again until told to stop, then
 * drains. Records every audit id of interest each time it is delivered.
 */
function startPuller(
  db: Kysely<CentralDatabase>,
  from: { site: number; org: number },
  limit: number,
  wanted: Set<string>,
) {
  const delivered: string[] = [];
  let cursor = { ...from };
  let stop = false;
  let pulls = 0;
  const done = (async () => {
    for (;;) {
      const stopping = stop;
      const page = await pullChanges(db, SITE, cursor, limit);
      pulls++;
      for (const c of page.changes)
        if (c.table === 'audit_log' && wanted.has(String(c.row.id))) delivered.push(String(c.row.id));
      cursor = { site: page.site, org: page.org };
      if (!page.more) {
        if (stopping) return;
        await new Promise((r) => setTimeout(r, 1));
      }
    }
  })();
  return {
    delivered,
    get pulls() {
      return pulls;
    },
    async finish() {
      stop = true;
      await done;
    },
  };
}

// Why a puller never skips: nextSiteVersion bumps the site's row in site_versions, and that row
// lock is held until commit. A writer holding version v commits (or aborts) before any other
// writer of the site can take v+1, so versions become visible in order; a pull (one REPEATABLE
// READ snapshot) that sees v+1 sees everything up to v+1, and `_version > cursor` never passes
// over a row that commits later. Writers let go in another order just wait in nextSiteVersion.
describe('pulls while site transactions commit out of order', () => {
  it('no puller misses or repeats a row, whatever order the writers are let go in', async () => {
    const service = await startService();
    // Pools of our own: every writer holds a connection for its whole transaction.
    const writers = createCentralDb({ url: service.db.serviceUrl, max: 16 });
    const readers = createCentralDb({ url: service.db.serviceUrl, max: 4 });
    onTestFinished(async () => {
      await writers.destroy();
      await readers.destroy();
    });

    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const rand = lcg(seed);
      const N = 10;
      const plan = Array.from({ length: N }, (_, i) => ({
        i,
        ids: Array.from({ length: 1 + Math.floor(rand() * 5) }, () => newId()),
        start: gate(),
        commit: gate(),
      }));
      const wanted = new Set(plan.flatMap((w) => w.ids));
      const from = { site: await currentSiteVersion(service.db.admin, SITE), org: 1_000_000 };
      // Pages of 3 rows against transactions of up to 5: pages cut at version boundaries and whole
      // transactions larger than a page are both exercised.
      const pullers = [
        startPuller(readers, from, 3, wanted),
        startPuller(readers, from, 3, wanted),
        startPuller(readers, from, 2000, wanted),
      ];

      const versions: number[] = [];
      const running = plan.map((w) =>
        inSiteTransaction(writers, SITE, async (trx) => {
          await trx.selectFrom('sites').select('id').where('id', '=', SITE).execute();
          await w.start.p;
          // Blocks while another open transaction of this site holds the version row: whoever
          // takes a version commits before the next one can take the following version.
          const v = await nextSiteVersion(trx, SITE);
          await trx
            .insertInto('audit_log')
            .values(w.ids.map((id, n) => auditRow(id, v, n)))
            .execute();
          await w.commit.p;
          return v;
        }).then((v) => versions.push(v)),
      );
      // Let them go in one shuffled order and commit in another, with pulls running in between.
      const starts = shuffle(plan, rand);
      const commits = shuffle(plan, rand);
      for (let k = 0; k < N; k++) {
        starts[k].start.open();
        await new Promise((r) => setTimeout(r, rand() * 8));
        commits[k].commit.open();
        await new Promise((r) => setTimeout(r, rand() * 8));
      }
      await Promise.all(running);
      for (const p of pullers) await p.finish();

      for (const p of pullers) {
        const seen = new Map<string, number>();
        for (const id of p.delivered) seen.set(id, (seen.get(id) ?? 0) + 1);
        const missed = [...wanted].filter((id) => !seen.has(id));
        const repeated = [...seen].filter(([, n]) => n > 1);
        expect({ seed, missed: missed.length, repeated: repeated.length }).toEqual({ seed, missed: 0, repeated: 0 });
        expect(p.pulls, 'pulls ran while the writers committed').toBeGreaterThan(3);
      }
      // Each writer took a version of its own, one after another.
      const sorted = [...versions].sort((a, b) => a - b);
      expect(sorted).toEqual(sorted.map((_, k) => sorted[0] + k));
    }
  });

  it('control: the same writers stamped from a plain sequence (no lock held to commit) do make a puller miss rows', async () => {
    // What the version row lock prevents, shown with the same puller: a writer that takes a lower
    // stamp but commits after a higher one is read past and never delivered.
    const service = await startService();
    await sql`CREATE SEQUENCE control_versions START 1000000`.execute(service.db.admin);
    const writers = createCentralDb({ url: service.db.adminUrl, max: 4 });
    onTestFinished(() => writers.destroy());
    const early = { ids: [newId()], commit: gate() };
    const late = { ids: [newId()], commit: gate() };
    const wanted = new Set([...early.ids, ...late.ids]);
    const write = (w: typeof early, stamped: ReturnType<typeof gate>) =>
      writers.transaction().execute(async (trx) => {
        const { rows } = await sql<{ v: string }>`SELECT nextval('control_versions') AS v`.execute(trx);
        // The stream's head moves at once, outside the transaction, as a plain sequence's would.
        await sql`UPDATE site_versions SET version = GREATEST(version, ${Number(rows[0].v)}) WHERE site_id = ${SITE}`.execute(
          writers,
        );
        stamped.open();
        await trx
          .insertInto('audit_log')
          .values(w.ids.map((id, n) => auditRow(id, Number(rows[0].v), n)))
          .execute();
        await w.commit.p;
      });
    const earlyStamped = gate();
    const lateStamped = gate();
    const a = write(early, earlyStamped);
    await earlyStamped.p;
    const b = write(late, lateStamped);
    await lateStamped.p;
    const puller = startPuller(service.db.service, { site: 999_999, org: 1_000_000 }, 2000, wanted);
    late.commit.open();
    await b;
    // Wait until the puller has read the later stamp, then commit the earlier one.
    while (!puller.delivered.includes(late.ids[0])) await new Promise((r) => setTimeout(r, 2));
    early.commit.open();
    await a;
    await puller.finish();
    expect(puller.delivered).toEqual(late.ids);
  });
});
