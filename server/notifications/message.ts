import type { NotificationKind } from '../../shared/notifications/kinds.js';

type Locale = 'en' | 'fr';
type Texts = Record<NotificationKind, { subject: string; body: string }>;

/**
 * The mail's words, per kind, in each recipient language. The kiosk writes the same notification
 * from renderer/i18n/notifications.*.ts; the service keeps its own short set, because a server
 * never imports the renderer. `{{x}}` are the values of `messageValues`.
 */
const TEXTS: Record<Locale, Texts> = {
  en: {
    incident_escalated: { subject: 'Incident escalated to {{level}}', body: '{{severity}} · {{type}}: {{what}}' },
    sla_breached: {
      subject: 'Response time missed: escalated to {{level}}',
      body: '{{severity}} · {{type}}: {{what}}',
    },
    report_due: { subject: 'Report due: {{title}}', body: 'Due {{due}}.' },
    report_missed: { subject: 'Report missed: {{title}}', body: 'It was due {{due}}.' },
    training_assigned: { subject: 'Training assigned: {{title}}', body: 'Due {{due}}.' },
    training_due: { subject: 'Training due: {{title}}', body: 'Due {{due}}.' },
    training_overdue: { subject: 'Training overdue: {{title}}', body: 'It was due {{due}}.' },
    certificate_issued: { subject: 'Certificate issued: {{title}}', body: 'Certificate {{number}}.' },
    certificate_expiring: { subject: 'Certificate expiring: {{title}}', body: 'Valid until {{expires}}.' },
    fuel_anomaly: { subject: 'Fuel reading out of the ordinary', body: '{{what}}' },
    link_failover: { subject: 'Link to shore switched', body: '{{what}}' },
    health_alert: { subject: 'Kiosk health alert', body: '{{what}}' },
  },
  fr: {
    incident_escalated: { subject: 'Incident remonté à : {{level}}', body: '{{severity}} · {{type}} : {{what}}' },
    sla_breached: {
      subject: 'Délai de réponse dépassé : remonté à {{level}}',
      body: '{{severity}} · {{type}} : {{what}}',
    },
    report_due: { subject: 'Rapport à rendre : {{title}}', body: 'À rendre le {{due}}.' },
    report_missed: { subject: 'Rapport manqué : {{title}}', body: 'Il était à rendre le {{due}}.' },
    training_assigned: { subject: 'Formation attribuée : {{title}}', body: 'À terminer le {{due}}.' },
    training_due: { subject: 'Formation à terminer : {{title}}', body: 'À terminer le {{due}}.' },
    training_overdue: { subject: 'Formation en retard : {{title}}', body: 'Elle était due le {{due}}.' },
    certificate_issued: { subject: 'Certificat délivré : {{title}}', body: 'Certificat {{number}}.' },
    certificate_expiring: { subject: 'Certificat bientôt expiré : {{title}}', body: "Valable jusqu'au {{expires}}." },
    fuel_anomaly: { subject: 'Relevé de carburant inhabituel', body: '{{what}}' },
    link_failover: { subject: 'Liaison avec la terre basculée', body: '{{what}}' },
    health_alert: { subject: 'Alerte de santé du terminal', body: '{{what}}' },
  },
};

const SEVERITY: Record<Locale, Record<string, string>> = {
  en: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
  fr: { low: 'Faible', medium: 'Moyenne', high: 'Élevée', critical: 'Critique' },
};

const FRAME: Record<Locale, { raised: string; site: string; digest: string; footer: string }> = {
  en: {
    raised: 'Raised {{at}} ({{zone}}).',
    site: 'Site: {{site}}',
    digest: 'Your daily digest: {{count}} notifications',
    footer: 'Acknowledge it on a Shiftdeck kiosk of the site.',
  },
  fr: {
    raised: 'Signalé le {{at}} ({{zone}}).',
    site: 'Site : {{site}}',
    digest: 'Votre résumé du jour : {{count}} notifications',
    footer: 'Prenez-en connaissance sur un terminal Shiftdeck du site.',
  },
};

/** What the mail needs of one notification. */
export interface MessageSource {
  kind: NotificationKind;
  params: Record<string, string | number | null>;
  raisedAt: string;
}

export interface MessageFrame {
  locale: string;
  siteName: string;
  /** The site's IANA zone: every date in the message is written in it, never the service's. */
  timeZone: string;
}

/** The words for readings (fuel anomalies, kiosk health, link failovers): the kiosk's own are in renderer/i18n. */
const READINGS: Record<
  Locale,
  { anomaly: Record<string, string>; check: Record<string, string>; fuel: string; failover: string; health: string }
> = {
  en: {
    anomaly: {
      excessive_consumption: 'Excessive consumption',
      efficiency_drop: 'Efficiency drop',
      unusual_pattern: 'Unusual pattern',
      suspect_sensor: 'Suspect sensor',
    },
    check: {
      free_disk: 'Free disk space',
      database_size: 'Database size',
      wal_size: 'Write-ahead log size',
      backup_age: 'Last backup',
      error_rate: 'Unexpected errors in the last hour',
    },
    fuel: '{{kind}} on {{sensor}}: expected {{expected}} {{unit}}, seen {{seen}} {{unit}}',
    failover: '{{from}} stopped answering: the site now reaches shore over {{to}}.',
    health: '{{check}} is at a critical level on kiosk {{device}}.',
  },
  fr: {
    anomaly: {
      excessive_consumption: 'Consommation excessive',
      efficiency_drop: 'Baisse de rendement',
      unusual_pattern: 'Répartition inhabituelle',
      suspect_sensor: 'Capteur suspect',
    },
    check: {
      free_disk: 'Espace disque libre',
      database_size: 'Taille de la base',
      wal_size: 'Taille du journal d’écriture',
      backup_age: 'Dernière sauvegarde',
      error_rate: 'Erreurs inattendues dans la dernière heure',
    },
    fuel: '{{kind}} sur {{sensor}}\u00A0: {{expected}} {{unit}} attendus, {{seen}} {{unit}} relevés',
    failover: '{{from}} ne répond plus\u00A0: le site joint la terre par {{to}}.',
    health: '{{check}}\u00A0: niveau critique sur le terminal {{device}}.',
  },
};

const fill = (s: string, v: Record<string, string>) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => v[k] ?? '');
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const localeOf = (l: string): Locale => (l.startsWith('fr') ? 'fr' : 'en');

/**
 * A date and time in the site's zone, in the reader's language.
 *
 * @example siteDateTime('2026-03-02T23:30:00Z', 'fr', 'Europe/Paris') // '3 mars 2026, 00:30' (or similar)
 */
export function siteDateTime(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(localeOf(locale) === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

/** One notification's subject line and body in the recipient's language, dates in the site's zone. */
export function notificationMessage(n: MessageSource, f: MessageFrame): { subject: string; text: string } {
  const l = localeOf(f.locale);
  const p = n.params;
  const when = (v: unknown) => (str(v) ? siteDateTime(str(v), l, f.timeZone) : '');
  const r = READINGS[l];
  const num = (v: unknown) =>
    typeof v === 'number' ? new Intl.NumberFormat(l, { maximumFractionDigits: 2 }).format(v) : str(v);
  const what =
    n.kind === 'fuel_anomaly'
      ? fill(r.fuel, {
          kind: r.anomaly[str(p.anomaly)] ?? str(p.anomaly),
          sensor: str(p.sensor),
          expected: num(p.expected),
          seen: num(p.seen),
          unit: str(p.unit),
        })
      : n.kind === 'link_failover'
        ? fill(r.failover, { from: str(p.from), to: str(p.to) })
        : n.kind === 'health_alert'
          ? fill(r.health, { check: r.check[str(p.check)] ?? str(p.check), device: str(p.device) })
          : str(p.whatHappened);
  const values = {
    title: str(l === 'fr' ? p.titleFr : p.titleEn) || str(p.code),
    level: str(l === 'fr' ? p.levelFr : p.levelEn),
    severity: SEVERITY[l][str(p.severity)] ?? str(p.severity),
    type: str(p.type).replace(/_/g, ' '),
    what,
    number: str(p.number),
    due: when(p.dueAt),
    expires: when(p.expiresAt),
  };
  const t = TEXTS[l][n.kind];
  const subject = fill(t.subject, values);
  const text = [
    fill(t.body, values),
    fill(FRAME[l].raised, { at: siteDateTime(n.raisedAt, l, f.timeZone), zone: f.timeZone }),
    fill(FRAME[l].site, { site: f.siteName }),
    '',
    FRAME[l].footer,
  ].join('\n');
  return { subject, text };
}

/** A daily digest: one mail listing several non-urgent notifications, newest first. */
export function digestMessage(items: readonly MessageSource[], f: MessageFrame): { subject: string; text: string } {
  const l = localeOf(f.locale);
  const sorted = [...items].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
  const parts = sorted.map((n) => {
    const m = notificationMessage(n, f);
    return `• ${m.subject}\n  ${m.text.split('\n')[0]} ${siteDateTime(n.raisedAt, l, f.timeZone)}`;
  });
  return {
    subject: fill(FRAME[l].digest, { count: String(items.length) }),
    text: [...parts, '', fill(FRAME[l].site, { site: f.siteName })].join('\n'),
  };
}
