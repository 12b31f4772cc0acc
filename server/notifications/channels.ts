import { createHmac, timingSafeEqual } from 'node:crypto';
import nodemailer from 'nodemailer';

/** One message to send: who to, in which words, and the key that makes a resend recognisable. */
export interface OutgoingMessage {
  /** The email address, or the webhook URL. */
  to: string;
  subject: string;
  text: string;
  /** Stable over every attempt of one delivery: the email's Message-ID, the webhook's delivery id. */
  deliveryKey: string;
  /** When it is sent, by the worker's clock (the mail's Date header). */
  sentAt: string;
  /** The JSON a webhook receives (the email ignores it). */
  payload: Record<string, unknown>;
}

/** Sends one message on a channel, or throws with a reason a person can read. */
export type ChannelSend = (m: OutgoingMessage) => Promise<void>;

export interface ShoreChannelSet {
  email?: { send: ChannelSend; close(): void };
  webhook?: { url: string; send: ChannelSend };
}

/** Below the worker's lease (server/notifications/worker.ts): a live instance ends an attempt before its lease does. */
const SEND_TIMEOUT_MS = 60_000;

/**
 * Email through an SMTP relay with nodemailer. The Message-ID is the delivery's key, the same on
 * every attempt, so a receiving system can drop a copy sent again after an instance died between
 * the relay's acceptance and the record of it.
 *
 * @example createEmailChannel({ smtpUrl: 'smtp://relay.example:587', from: 'Shiftdeck <alerts@example.com>' })
 */
export function createEmailChannel(cfg: { smtpUrl: string; from: string }): NonNullable<ShoreChannelSet['email']> {
  const transport = nodemailer.createTransport(cfg.smtpUrl, {
    connectionTimeout: SEND_TIMEOUT_MS / 3,
    greetingTimeout: SEND_TIMEOUT_MS / 3,
    socketTimeout: SEND_TIMEOUT_MS,
  } as never);
  return {
    async send(m) {
      await transport.sendMail({
        from: cfg.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        messageId: m.deliveryKey,
        date: new Date(m.sentAt),
      });
    },
    close: () => transport.close(),
  };
}

/**
 * The `x-shiftdeck-signature` header of a webhook body: `sha256=` and the hex HMAC-SHA256 of the
 * exact bytes sent, keyed with the shared secret.
 *
 * @example webhookSignature('s3cret', '{"a":1}') // 'sha256=…'
 */
export const webhookSignature = (secret: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;

/** Whether a received body carries the right signature (constant-time), as a receiver checks it. */
export function verifyWebhookSignature(secret: string, body: string, header: string | undefined): boolean {
  if (!header) return false;
  const want = Buffer.from(webhookSignature(secret, body));
  const got = Buffer.from(header);
  return want.length === got.length && timingSafeEqual(want, got);
}

/**
 * A JSON POST to one configured URL, signed with the secret (from the environment only). Any
 * answer but 2xx is a failed attempt, retried with backoff.
 */
export function createWebhookChannel(cfg: {
  url: string;
  secret: string;
  fetch?: typeof fetch;
}): NonNullable<ShoreChannelSet['webhook']> {
  const post = cfg.fetch ?? fetch;
  return {
    url: cfg.url,
    async send(m) {
      const body = JSON.stringify(m.payload);
      const res = await post(cfg.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-shiftdeck-signature': webhookSignature(cfg.secret, body),
          'x-shiftdeck-delivery': m.deliveryKey,
        },
        body,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) throw new Error(`The webhook answered HTTP ${res.status}.`);
    },
  };
}

/**
 * The channels the service offers, from its options or the environment: email when an SMTP URL
 * and a sender are set, the webhook when a URL and `SHIFTDECK_WEBHOOK_SECRET` are. Returns what
 * is missing, for the log, when a channel is half configured.
 */
export function channelsFromConfig(
  opts: { smtpUrl?: string; mailFrom?: string; webhookUrl?: string },
  env: NodeJS.ProcessEnv,
): { channels: ShoreChannelSet; notes: string[] } {
  const smtpUrl = opts.smtpUrl ?? env.SHIFTDECK_SMTP_URL;
  const from = opts.mailFrom ?? env.SHIFTDECK_MAIL_FROM;
  const webhookUrl = opts.webhookUrl ?? env.SHIFTDECK_WEBHOOK_URL;
  const secret = env.SHIFTDECK_WEBHOOK_SECRET;
  const channels: ShoreChannelSet = {};
  const notes: string[] = [];
  if (smtpUrl && from) channels.email = createEmailChannel({ smtpUrl, from });
  else if (smtpUrl || from)
    notes.push('email is off: give both --smtp-url and --mail-from (or SHIFTDECK_SMTP_URL and SHIFTDECK_MAIL_FROM)');
  else notes.push('email is off: no SMTP relay configured (--smtp-url, --mail-from)');
  if (webhookUrl && secret) channels.webhook = createWebhookChannel({ url: webhookUrl, secret });
  else if (webhookUrl)
    notes.push('the webhook is off: SHIFTDECK_WEBHOOK_SECRET is not set (it is read from the environment only)');
  return { channels, notes };
}
