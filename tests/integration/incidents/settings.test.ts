import { describe, expect, it } from 'vitest';
import { call, codeOf, makeKiosk, signIn } from '../../helpers/kiosk.js';
import { ok, report } from './world.js';

type Settings = {
  targets: { severity: string; ackMinutes: number; resolveMinutes: number; own: boolean }[];
  places: { id: string; name: { en: string; fr: string }; own: boolean }[];
};

describe("a site's own incident settings", () => {
  it('the master sets the critical targets and adds a place; new incidents run on them; others may not', async () => {
    const { kiosk, clock } = await makeKiosk({ siteKey: 'vessel' });
    const master = await signIn(kiosk, 'master', 'vessel');
    const crew = await signIn(kiosk, 'crew', 'vessel');
    expect(codeOf(await call(kiosk, 'incidents.settings', {}, crew))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await call(kiosk, 'incidents.setSlaTarget', { severity: 'critical', ackMinutes: 5, resolveMinutes: 60 }, crew),
      ),
    ).toBe('FORBIDDEN');

    const before = await ok<Settings>(call(kiosk, 'incidents.settings', {}, master));
    expect(before.targets.find((x) => x.severity === 'critical')).toEqual({
      severity: 'critical',
      ackMinutes: 15,
      resolveMinutes: 24 * 60,
      own: false,
    });
    expect(before.places.every((p) => !p.own)).toBe(true);

    await ok(
      call(kiosk, 'incidents.setSlaTarget', { severity: 'critical', ackMinutes: 10, resolveMinutes: 12 * 60 }, master),
    );
    // Resolving faster than acknowledging is refused, naming the field; the target stays as it was.
    const bad = await call(
      kiosk,
      'incidents.setSlaTarget',
      { severity: 'critical', ackMinutes: 90, resolveMinutes: 60 },
      master,
    );
    expect(bad.ok ? null : bad.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: 'resolveMinutes' }] },
    });
    const after = await ok<Settings>(call(kiosk, 'incidents.settings', {}, master));
    expect(after.targets.find((x) => x.severity === 'critical')).toEqual({
      severity: 'critical',
      ackMinutes: 10,
      resolveMinutes: 12 * 60,
      own: true,
    });
    expect(after.targets.find((x) => x.severity === 'high')!.own).toBe(false);

    // A critical incident reported now is due to be acknowledged within the site's 10 minutes.
    const { id } = await report(kiosk, 'critical', clock.now() - 60_000);
    const detail = await ok<{ sla: { acknowledge: { dueAt: string } } }>(
      call(kiosk, 'incidents.detail', { id }, await signIn(kiosk, 'master', 'vessel')),
    );
    const reportedAt = (
      kiosk.store.raw.prepare('SELECT created_at FROM incidents WHERE id = ?').get(id) as {
        created_at: string;
      }
    ).created_at;
    expect(Date.parse(detail.sla.acknowledge.dueAt) - Date.parse(reportedAt)).toBe(10 * 60_000);

    const token = await signIn(kiosk, 'master', 'vessel');
    const { id: placeId } = await ok<{ id: string }>(
      call(kiosk, 'incidents.addPlace', { nameEn: 'Bow thruster room', nameFr: 'Local du propulseur d’étrave' }, token),
    );
    const places = await ok<{ id: string; name: { en: string } }[]>(
      call(kiosk, 'incidents.places', {}, await signIn(kiosk, 'crew', 'vessel')),
    );
    expect(places.find((p) => p.id === placeId)?.name.en).toBe('Bow thruster room');
    const twice = await call(kiosk, 'incidents.addPlace', { nameEn: 'bow thruster room', nameFr: 'Autre' }, token);
    expect(twice.ok ? null : twice.error).toMatchObject({
      code: 'CONFLICT',
      details: { issues: [{ path: 'nameEn' }] },
    });
    const blank = await call(kiosk, 'incidents.addPlace', { nameEn: ' ', nameFr: 'Pont' }, token);
    expect(codeOf(blank)).toBe('VALIDATION_FAILED');
    const last = await ok<Settings>(call(kiosk, 'incidents.settings', {}, token));
    expect(last.places.filter((p) => p.own).map((p) => p.name.fr)).toEqual(['Local du propulseur d’étrave']);
  });
});
