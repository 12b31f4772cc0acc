import { describe, expect, it } from 'vitest';
import {
  MAX_ATTEMPTS,
  planSends,
  recipientPeople,
  retryDelayMs,
  sendId,
} from '../../../shared/notifications/delivery-work.js';
import { notificationMessage } from '../../../server/notifications/message.js';
import {
  channelsFromConfig,
  verifyWebhookSignature,
  webhookSignature,
} from '../../../server/notifications/channels.js';

const N = '0190a6f0-0000-7000-8000-0000000000aa';
const ERIK = '0190a6f0-0000-7000-8000-000000000001';
const MARIA = '0190a6f0-0000-7000-8000-000000000002';
const both = { email: true, webhook: true };
const quietNights = { quietStart: '22:00', quietEnd: '06:00', digest: false };

describe('planning deliveries ashore', () => {
  const erik = {
    userId: ERIK,
    channels: ['kiosk', 'email', 'webhook'],
    email: 'erik@ship.example',
    prefs: quietNights,
  };

  it('an urgent one goes at once on every chosen channel, quiet hours or not', () => {
    const at = '2026-03-02T23:30:00Z'; // 00:30 in Paris: quiet
    expect(planSends('urgent', [erik], both, at, 'Europe/Paris', N)).toEqual([
      { id: sendId(N, 'email', ERIK), channel: 'email', userId: ERIK, dueAt: at, digestDate: null },
      { id: sendId(N, 'webhook', ERIK), channel: 'webhook', userId: ERIK, dueAt: at, digestDate: null },
    ]);
  });

  it('a normal one in quiet hours waits until they end, in the site zone', () => {
    const [s] = planSends('normal', [erik], { email: true, webhook: false }, '2026-03-02T23:30:00Z', 'Europe/Paris', N);
    expect(s).toMatchObject({ channel: 'email', dueAt: '2026-03-03T05:00:00.000Z', digestDate: null });
  });

  it('a digest chooser gets a normal one in the next 07:00 digest, and an urgent one at once', () => {
    const digest = { ...erik, prefs: { quietStart: null, quietEnd: null, digest: true } };
    const at = '2026-03-02T10:00:00Z';
    expect(planSends('low', [digest], { email: true, webhook: false }, at, 'Europe/Paris', N)).toEqual([
      expect.objectContaining({ dueAt: '2026-03-03T06:00:00.000Z', digestDate: '2026-03-03' }),
    ]);
    expect(planSends('urgent', [digest], { email: true, webhook: false }, at, 'Europe/Paris', N)).toEqual([
      expect.objectContaining({ dueAt: at, digestDate: null }),
    ]);
  });

  it('nothing for a channel the service does not offer, the kiosk only, or email without an address', () => {
    const at = '2026-03-02T10:00:00Z';
    expect(planSends('urgent', [erik], { email: false, webhook: false }, at, 'UTC', N)).toEqual([]);
    const kioskOnly = { userId: MARIA, channels: ['kiosk'], email: 'm@x.example', prefs: quietNights };
    const noAddress = { userId: MARIA, channels: ['email'], email: null, prefs: quietNights };
    expect(planSends('urgent', [kioskOnly, noAddress], both, at, 'UTC', N)).toEqual([]);
  });

  it('planning again gives the same ids', () => {
    const at = '2026-03-02T10:00:00Z';
    expect(planSends('urgent', [erik], both, at, 'UTC', N)).toEqual(planSends('urgent', [erik], both, at, 'UTC', N));
  });
});

describe('who a notification goes to ashore', () => {
  const holders = [
    { userId: MARIA, roleCode: 'officer' },
    { userId: ERIK, roleCode: 'master' },
    { userId: '0190a6f0-0000-7000-8000-000000000003', roleCode: 'officer' },
  ];
  it('a role: everyone holding it, or only the person on call for it', () => {
    const n = { recipient_user_id: null, recipient_role: 'officer' };
    expect(recipientPeople(n, holders, new Map())).toEqual([MARIA, '0190a6f0-0000-7000-8000-000000000003'].sort());
    expect(recipientPeople(n, holders, new Map([['officer', MARIA]]))).toEqual([MARIA]);
    // Someone on call who no longer holds the role is ignored: the role's holders are told.
    expect(recipientPeople(n, holders, new Map([['officer', ERIK]]))).toHaveLength(2);
  });
  it('a person: that person only', () => {
    expect(recipientPeople({ recipient_user_id: ERIK, recipient_role: null }, holders, new Map())).toEqual([ERIK]);
  });
});

describe('retries', () => {
  it('back off exponentially from 30 s, at most an hour, and give up after MAX_ATTEMPTS', () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(MAX_ATTEMPTS)).toBeNull();
  });
});

describe('the message and the signature', () => {
  it('writes the recipient language and the site zone', () => {
    const m = notificationMessage(
      {
        kind: 'training_due',
        params: { titleEn: 'Fire drill', titleFr: 'Exercice incendie', dueAt: '2026-03-02T23:30:00Z' },
        raisedAt: '2026-03-01T08:00:00Z',
      },
      { locale: 'fr', siteName: 'Le Petit Bistro', timeZone: 'Europe/Paris' },
    );
    expect(m.subject).toBe('Formation à terminer : Exercice incendie');
    expect(m.text).toContain('3 mars 2026');
    expect(m.text).toContain('00:30');
  });
  it('signs the exact body, and a changed body does not verify', () => {
    const body = '{"delivery":"x"}';
    const sig = webhookSignature('secret', body);
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('secret', body, sig)).toBe(true);
    expect(verifyWebhookSignature('secret', body.replace('x', 'y'), sig)).toBe(false);
    expect(verifyWebhookSignature('other', body, sig)).toBe(false);
  });
});

describe('which channels the service offers', () => {
  it('none without configuration, saying why; the webhook only with its secret from the environment', () => {
    const off = channelsFromConfig({}, {});
    expect(off.channels).toEqual({});
    expect(off.notes.join(' ')).toMatch(/email is off: no SMTP relay/);
    const noSecret = channelsFromConfig({ webhookUrl: 'https://gw.example/hook' }, {});
    expect(noSecret.channels.webhook).toBeUndefined();
    expect(noSecret.notes.join(' ')).toMatch(/SHIFTDECK_WEBHOOK_SECRET/);
    const on = channelsFromConfig(
      { smtpUrl: 'smtp://127.0.0.1:2525', mailFrom: 'a@b.example' },
      { SHIFTDECK_WEBHOOK_URL: 'https://gw.example/hook', SHIFTDECK_WEBHOOK_SECRET: 's' },
    );
    expect(Object.keys(on.channels).sort()).toEqual(['email', 'webhook']);
    on.channels.email!.close();
  });
});
