import type { ExportDocument, L10n } from '../exports/export-document.js';

export interface TrainingReportInput {
  now: string;
  people: readonly { id: string; name: string; roleCode: string }[];
  /** Training paths: the modules each listed role must hold. */
  paths: readonly { roleCodes: readonly string[]; moduleCodes: readonly string[] }[];
  modules: readonly { code: string; title: L10n }[];
  certificates: readonly {
    userId: string;
    moduleCode: string;
    number: string;
    expiresAt: string | null;
    revoked: boolean;
  }[];
  /** "Expiring" means within this many days (default 30). */
  soonDays?: number;
}

export type HoldingStatus = 'valid' | 'expiring' | 'expired' | 'missing';

export interface TrainingReportLine {
  userId: string;
  name: string;
  roleCode: string;
  moduleCode: string;
  moduleTitle: L10n;
  status: HoldingStatus;
  certificate: string | null;
  expiresAt: string | null;
}

const DAY = 86_400_000;

/**
 * Who holds which valid certificate against the modules their role requires: one line per person
 * and required module, with the best certificate they hold (not revoked, latest expiry; one that
 * never expires beats all). A certificate expiring within `soonDays` is "expiring", one past its
 * date "expired", none at all "missing". Computed from synced rows, never typed.
 *
 * @example trainingReport({ now, people: [ana], paths: [{ roleCodes: ['chef'], moduleCodes: ['HACCP'] }], … })
 *   // [{ name: 'Ana', moduleCode: 'HACCP', status: 'expiring', expiresAt: '…' }]
 */
export function trainingReport(input: TrainingReportInput): TrainingReportLine[] {
  const now = Date.parse(input.now);
  const soon = now + (input.soonDays ?? 30) * DAY;
  const titles = new Map(input.modules.map((m) => [m.code, m.title]));
  const lines: TrainingReportLine[] = [];
  for (const p of input.people) {
    const required = [
      ...new Set(input.paths.filter((path) => path.roleCodes.includes(p.roleCode)).flatMap((path) => path.moduleCodes)),
    ].sort();
    for (const code of required) {
      const held = input.certificates
        .filter((c) => c.userId === p.id && c.moduleCode === code && !c.revoked)
        .sort((a, b) =>
          a.expiresAt === null ? -1 : b.expiresAt === null ? 1 : b.expiresAt.localeCompare(a.expiresAt),
        )[0];
      const until = held?.expiresAt ? Date.parse(held.expiresAt) : null;
      const status: HoldingStatus = !held
        ? 'missing'
        : until === null
          ? 'valid'
          : until <= now
            ? 'expired'
            : until <= soon
              ? 'expiring'
              : 'valid';
      lines.push({
        userId: p.id,
        name: p.name,
        roleCode: p.roleCode,
        moduleCode: code,
        moduleTitle: titles.get(code) ?? { en: code, fr: code },
        status,
        certificate: held?.number ?? null,
        expiresAt: held?.expiresAt ?? null,
      });
    }
  }
  return lines.sort((a, b) => a.name.localeCompare(b.name) || a.moduleCode.localeCompare(b.moduleCode));
}

const STATUS_WORDS: Record<HoldingStatus, L10n> = {
  valid: { en: 'Valid', fr: 'Valide' },
  expiring: { en: 'Expires within 30 days', fr: 'Expire sous 30 jours' },
  expired: { en: 'Expired', fr: 'Expiré' },
  missing: { en: 'Missing', fr: 'Manquant' },
};

/**
 * The training compliance report as an export document (same builders as a compliance report).
 *
 * @example trainingReportDocument(lines, 'SITE', now).tables[0].id // 'holdings'
 */
export function trainingReportDocument(
  lines: readonly TrainingReportLine[],
  site: string,
  now: string,
): ExportDocument {
  const count = (s: HoldingStatus) => lines.filter((l) => l.status === s).length;
  return {
    kind: 'training_compliance',
    subject: `${site}-${now.slice(0, 10)}`,
    title: { en: 'Training compliance', fr: 'Conformité des formations' },
    generatedAt: now,
    facts: [
      { key: 'site', label: { en: 'Site', fr: 'Site' }, value: site },
      { key: 'required', label: { en: 'Required certificates', fr: 'Certificats exigés' }, value: lines.length },
      { key: 'valid', label: STATUS_WORDS.valid, value: count('valid') },
      { key: 'expiring', label: STATUS_WORDS.expiring, value: count('expiring') },
      { key: 'expired', label: STATUS_WORDS.expired, value: count('expired') },
      { key: 'missing', label: STATUS_WORDS.missing, value: count('missing') },
    ],
    tables: [
      {
        id: 'holdings',
        title: { en: 'Certificates against role requirements', fr: 'Certificats exigés par rôle' },
        columns: [
          { key: 'person', label: { en: 'Person', fr: 'Personne' }, width: 1.4 },
          { key: 'role', label: { en: 'Role', fr: 'Rôle' }, width: 0.9 },
          { key: 'module', label: { en: 'Module', fr: 'Module' }, width: 1.1 },
          { key: 'title_en', label: { en: 'Title', fr: 'Titre (EN)' }, width: 1.8 },
          { key: 'title_fr', label: { en: 'Title (FR)', fr: 'Titre' }, width: 1.8 },
          { key: 'status', label: { en: 'Status', fr: 'Statut' }, width: 1.3, codes: STATUS_WORDS },
          { key: 'certificate', label: { en: 'Certificate', fr: 'Certificat' }, width: 1.2 },
          { key: 'expires_at', label: { en: 'Expires', fr: 'Expire le' }, width: 1.3 },
        ],
        rows: lines.map((l) => ({
          person: l.name,
          role: l.roleCode,
          module: l.moduleCode,
          title_en: l.moduleTitle.en,
          title_fr: l.moduleTitle.fr,
          status: l.status,
          certificate: l.certificate,
          expires_at: l.expiresAt,
        })),
      },
    ],
  };
}
