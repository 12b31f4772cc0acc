import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../electron/core/clock.js';
import { newId } from '../../../shared/ids.js';
import { enrolledKiosk, siteOf, startService } from '../../helpers/sync.js';

const HOUR = 3_600_000;

/** One gauge's value in a Prometheus text page, or undefined when the series is absent. */
function gauge(page: string, series: string): number | undefined {
  const line = page.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('shore health: /metrics and /healthz?checks=1 over a real socket', () => {
  it('reads its gauges at scrape time: site last contact, dead letters and backup age follow the database', async () => {
    const clock = createManualClock(Date.parse('2026-11-22T09:00:00Z'));
    const service = await startService({ clock });
    const { kiosk } = await enrolledKiosk(service, 'restaurant', { clock });
    await kiosk.sync!.syncNow();
    const site = siteOf('restaurant');
    const scrape = async () => {
      const r = await fetch(`${service.url}/metrics`);
      expect(r.headers.get('content-type')).toContain('text/plain');
      return r.text();
    };

    let page = await scrape();
    expect(page).toContain('# TYPE shiftdeck_site_last_contact_seconds gauge');
    expect(gauge(page, 'shiftdeck_database_size_bytes')).toBeGreaterThan(1_000_000);
    expect(gauge(page, `shiftdeck_site_last_contact_seconds{site="${site}"}`)).toBe(0);
    expect(gauge(page, 'shiftdeck_dead_letters')).toBe(0);
    // No central backup yet: its age is not known, so no age gauge, and its level says unknown.
    expect(gauge(page, 'shiftdeck_backup_age_seconds')).toBeUndefined();
    expect(gauge(page, 'shiftdeck_health_level{check="backup_age"}')).toBe(-1);

    // Seven hours without contact, a dead letter and a backup taken two days ago: read on the next scrape.
    clock.advance(7 * HOUR);
    await sql`INSERT INTO conflicts (id, site_id, device_id, seq, mutation, args, user_id, kind, code, message, created_at, updated_at, _version)
      VALUES (${newId()}, ${site}, ${kiosk.deviceId}, 1, 'x.y', '{}', NULL, 'dead_letter', 'INTERNAL', 'gave up', now(), now(), 0)`.execute(
      service.db.admin,
    );
    await sql`INSERT INTO central_backups (id, epoch, started_at, completed_at, device_seqs)
      SELECT ${newId()}, epoch, ${new Date(clock.now() - 48 * HOUR).toISOString()}, ${new Date(clock.now() - 48 * HOUR).toISOString()}, '{}'::jsonb
      FROM central_epochs ORDER BY started_at DESC LIMIT 1`.execute(service.db.admin);

    page = await scrape();
    expect(gauge(page, `shiftdeck_site_last_contact_seconds{site="${site}"}`)).toBe(7 * 3600);
    expect(gauge(page, `shiftdeck_health_level{check="site_last_contact",site="${site}"}`)).toBe(1);
    expect(gauge(page, 'shiftdeck_dead_letters')).toBe(1);
    expect(gauge(page, 'shiftdeck_backup_age_seconds')).toBe(48 * 3600);
    expect(gauge(page, 'shiftdeck_health_level{check="backup_age"}')).toBe(1);

    const plain = await (await fetch(`${service.url}/healthz`)).json();
    expect(plain).toEqual({ ok: true, database: 'up', time: new Date(clock.now()).toISOString() });
    const r = await fetch(`${service.url}/healthz?checks=1`);
    expect(r.status).toBe(200); // a warning is reported, never a 503 that kiosks would take for down
    const body = (await r.json()) as {
      worst: string;
      checks: { id: string; subject?: string; level: string; value: number }[];
    };
    expect(body.worst).toBe('warning');
    expect(body.checks.find((c) => c.id === 'dead_letters')).toMatchObject({ value: 1, level: 'warning' });
    expect(body.checks.find((c) => c.id === 'site_last_contact' && c.subject === site)).toMatchObject({
      value: 7 * 60,
      level: 'warning',
    });

    // The kiosk comes back: its site's contact is fresh again on the very next scrape.
    await kiosk.sync!.syncNow();
    page = await scrape();
    expect(gauge(page, `shiftdeck_site_last_contact_seconds{site="${site}"}`)).toBe(0);
  });
});
