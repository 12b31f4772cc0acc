import { describe, expect, it } from 'vitest';
import { failoverNotices, healthNotices } from '../../../electron/core/notifications/site-sources.js';
import { HEALTH_CHECKS, rateReading } from '../../../shared/health/thresholds.js';
import type { SwitchEvent } from '../../../shared/sync/link-monitor.js';
import { notificationMessage } from '../../../server/notifications/message.js';
import { createI18n } from '../../../renderer/i18n/index.js';
import { notificationText } from '../../../renderer/screens/notifications/notification-text.js';
import type { NotificationEntry } from '../../../renderer/stores/notifications-store.js';

const NOW = '2026-06-10T08:00:00.000Z';
const DEVICE = '0190b2c4-1d2e-7f00-8a00-000000000001';
const vessel = { id: '0190b2c4-1d2e-7f00-8a00-0000000000aa', kind: 'vessel' as const };
const restaurant = { ...vessel, kind: 'restaurant' as const };
const check = (id: string) => HEALTH_CHECKS.find((c) => c.id === id)!;

describe('health alerts raised from a kiosk’s own readings', () => {
  it('raise a critical reading that threatens data, once per check and day, to the kind’s supervisors', () => {
    const results = [
      rateReading(check('free_disk'), 100 * 1024 ** 2), // critical
      rateReading(check('backup_age'), 45), // warning only
      rateReading(check('last_sync'), 3 * 24 * 60), // critical, but a ship offline for days is normal
      rateReading(check('outbox_depth'), 9000), // critical, same reason
      rateReading(check('route_last_sync'), 5000, 'sat.example'), // advisory
      rateReading(check('error_rate'), null), // not known
    ];
    const out = healthNotices(vessel, DEVICE, results, NOW);
    expect(out.map((n) => [n.kind, n.period, n.to])).toEqual([
      ['health_alert', 'free_disk|2026-06-10', { role: 'officer' }],
      ['health_alert', 'free_disk|2026-06-10', { role: 'admin' }],
    ]);
    expect(out[0]).toMatchObject({ subjectKind: 'device_health', subjectId: DEVICE });
    expect(healthNotices(restaurant, DEVICE, results, NOW).map((n) => n.to)).toEqual([
      { role: 'manager' },
      { role: 'admin' },
    ]);
    expect(healthNotices(vessel, DEVICE, results.slice(1), NOW)).toEqual([]);
  });
});

describe('failover notices', () => {
  const event = (kind: SwitchEvent['kind'], hoursAgo: number): SwitchEvent => ({
    kind,
    from: 'vsat',
    to: 'iridium',
    reason: 'no answer',
    at: Date.parse(NOW) - hoursAgo * 3_600_000,
    durationMs: 60_000,
    queued: 3,
  });
  it('tell of failovers of the last day only; failbacks, manual switches and tests tell nobody', () => {
    const out = failoverNotices(
      vessel,
      DEVICE,
      [event('failover', 30), event('failover', 2), event('failback', 1), event('manual', 1), event('test', 1)],
      NOW,
    );
    expect(out.map((n) => [n.kind, n.period, n.to, n.params.from, n.params.to])).toEqual([
      [
        'link_failover',
        `failover|${new Date(Date.parse(NOW) - 2 * 3_600_000).toISOString()}|iridium`,
        { role: 'officer' },
        'vsat',
        'iridium',
      ],
    ]);
  });
});

describe('the words of readings, on the kiosk and in the mail', () => {
  const entry = (kind: NotificationEntry['kind'], params: NotificationEntry['params']) =>
    ({
      id: 'x',
      kind,
      urgency: 'normal',
      params,
      raisedAt: NOW,
      recipientName: null,
      recipientRole: 'officer',
      personName: null,
    }) as NotificationEntry;
  const fuel = { anomaly: 'excessive_consumption', sensor: 'fuel_rate#1', expected: 812.5, seen: 905.25, unit: 'kg/h' };

  it('say what the anomaly, the failover and the health reading are, in English and French', () => {
    const en = createI18n('en');
    const fr = createI18n('fr');
    expect(notificationText(entry('fuel_anomaly', fuel), en.t, 'en').body).toBe(
      'Excessive consumption: Expected 812.5 kg/h, seen 905.25 kg/h',
    );
    expect(notificationText(entry('fuel_anomaly', fuel), fr.t, 'fr').body).toContain('Consommation excessive\u00A0:');
    expect(notificationText(entry('fuel_anomaly', fuel), fr.t, 'fr').body).toContain('905,25');
    expect(notificationText(entry('link_failover', { from: 'vsat', to: 'iridium' }), en.t, 'en').body).toBe(
      'vsat stopped answering: the site now reaches shore over iridium.',
    );
    expect(notificationText(entry('health_alert', { check: 'free_disk', device: '0190b2c4' }), fr.t, 'fr').body).toBe(
      'Espace disque libre\u00A0: niveau critique sur le terminal 0190b2c4.',
    );

    const frame = { siteName: 'MV Nordic Star', timeZone: 'UTC' };
    const mail = (kind: NotificationEntry['kind'], params: Record<string, string | number | null>, locale: string) =>
      notificationMessage({ kind, params, raisedAt: NOW }, { ...frame, locale });
    expect(mail('fuel_anomaly', fuel, 'en').text.split('\n')[0]).toBe(
      'Excessive consumption on fuel_rate#1: expected 812.5 kg/h, seen 905.25 kg/h',
    );
    expect(mail('health_alert', { check: 'backup_age', device: '0190b2c4' }, 'fr').subject).toBe(
      'Alerte de santé du terminal',
    );
    expect(mail('health_alert', { check: 'backup_age', device: '0190b2c4' }, 'fr').text.split('\n')[0]).toBe(
      'Dernière sauvegarde\u00A0: niveau critique sur le terminal 0190b2c4.',
    );
    expect(mail('link_failover', { from: 'vsat', to: 'iridium' }, 'en').text.split('\n')[0]).toBe(
      'vsat stopped answering: the site now reaches shore over iridium.',
    );
  });
});
