import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { AUDIT_AREA_IDS } from '../../shared/audit/areas.js';
import { DEFAULT_ROLES } from '../../shared/permissions.js';
import { useServices, useSlice } from '../app/services.js';
import { ErrorAlert } from '../components/error-alert.js';
import { formatDateTime } from '../i18n/format.js';
import { NO_AUDIT_FILTERS, type AuditEntry, type AuditFilters } from '../stores/audit-store.js';
import { BackButton } from '../components/back-button.js';
import '../styles/audit.css';

const ROLE_NAMES = new Map(DEFAULT_ROLES.map((r) => [r.id, r.name]));
const ROLE_KEYS = new Set(['role', 'from', 'to']);
const CENTS_KEYS = new Set(['amountCents', 'tipCents']);

function describeValue(k: string, v: string | number | boolean, t: TFunction, lang: string): string {
  if (typeof v === 'boolean') return t(v ? 'audit.yes' : 'audit.no');
  if (k === 'lockedUntil' && typeof v === 'string') return formatDateTime(v, lang);
  if (typeof v === 'number' && CENTS_KEYS.has(k))
    return new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v / 100);
  const role = ROLE_KEYS.has(k) ? ROLE_NAMES.get(String(v)) : undefined;
  if (role) return lang === 'fr' ? role.fr : role.en;
  return typeof v === 'number' ? new Intl.NumberFormat(lang).format(v) : v;
}

/** "Status: resolved, Guests: 4" style pairs; role codes become role names, unknown keys stay as they are. */
function describeDetail(detail: AuditEntry['detail'], t: TFunction, lang: string): string {
  return Object.entries(detail)
    .filter((e): e is [string, string | number | boolean] => ['string', 'number', 'boolean'].includes(typeof e[1]))
    .map(
      ([k, v]) =>
        `${t(`audit.detailKeys.${k}`, { defaultValue: k })}${t('audit.colon')}${describeValue(k, v, t, lang)}`,
    )
    .join(', ');
}

/** The audit log of this site: who did what, when, on which kiosk, newest first, a page at a time. */
export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const { audit } = useServices();
  const entries = useSlice(audit, (s) => s.entries);
  const people = useSlice(audit, (s) => s.people);
  const filters = useSlice(audit, (s) => s.filters);
  const hasMore = useSlice(audit, (s) => s.hasMore);
  const loading = useSlice(audit, (s) => s.loading);
  const error = useSlice(audit, (s) => s.error);
  const lang = i18n.language;

  useEffect(() => {
    void audit.getState().load();
  }, [audit]);

  const narrow = (patch: Partial<AuditFilters>) => void audit.getState().load({ ...filters, ...patch });
  const filtered = Object.values(filters).some((v) => v !== '');

  return (
    <main id="main" className="screen" data-testid="screen-audit">
      <div className="screen__head">
        <h1 className="screen-title">{t('audit.title')}</h1>
        <BackButton />
      </div>
      <form
        className="audit-filters"
        aria-label={t('audit.filtersLabel')}
        data-testid="audit-filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <label className="field">
          <span>{t('audit.filterPerson')}</span>
          <select
            className="field__control"
            data-testid="audit-filter-person"
            value={filters.actorUserId}
            onChange={(e) => narrow({ actorUserId: e.target.value })}
          >
            <option value="">{t('audit.everyone')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('audit.filterArea')}</span>
          <select
            className="field__control"
            data-testid="audit-filter-area"
            value={filters.area}
            onChange={(e) => narrow({ area: e.target.value as AuditFilters['area'] })}
          >
            <option value="">{t('audit.allAreas')}</option>
            {AUDIT_AREA_IDS.map((a) => (
              <option key={a} value={a}>
                {t(`audit.areas.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('audit.filterFrom')}</span>
          <input
            className="field__control"
            type="date"
            data-testid="audit-filter-from"
            value={filters.from}
            onChange={(e) => narrow({ from: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('audit.filterTo')}</span>
          <input
            className="field__control"
            type="date"
            data-testid="audit-filter-to"
            value={filters.to}
            onChange={(e) => narrow({ to: e.target.value })}
          />
        </label>
        <button
          type="button"
          className="button"
          data-testid="audit-filter-clear"
          disabled={!filtered}
          onClick={() => void audit.getState().load(NO_AUDIT_FILTERS)}
        >
          {t('audit.clearFilters')}
        </button>
      </form>
      <ErrorAlert error={error} />
      {loading && !entries && <p className="screen-hint">{t('common.loading')}</p>}
      {entries && entries.length === 0 && (
        <p className="screen-hint" data-testid="audit-empty">
          {t(filtered ? 'audit.emptyFiltered' : 'audit.empty')}
        </p>
      )}
      {entries && entries.length > 0 && (
        // A region that scrolls sideways in portrait: focusable, so the keyboard can scroll it too.
        <div
          className="table-wrap"
          tabIndex={0}
          role="region"
          aria-label={t('audit.caption')}
          data-testid="audit-table-wrap"
        >
          <table className="table" data-testid="audit-table">
            <caption>{t('audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.time')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.subject')}</th>
                <th scope="col">{t('audit.device')}</th>
                <th scope="col">{t('audit.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td className="table__nowrap">{formatDateTime(e.createdAt, lang, { seconds: true })}</td>
                  <td>
                    <span className="audit-area">{t(`audit.areas.${e.area}`)}</span>
                    {t(`audit.actions.${e.action}`, { defaultValue: e.action })}
                  </td>
                  <td>{e.actorName ?? t('audit.kiosk')}</td>
                  <td>{e.subjectName ?? ''}</td>
                  <td>
                    {e.deviceName ??
                      (e.self ? t('audit.thisKiosk') : t('audit.unnamedDevice', { id: e.deviceId.slice(0, 8) }))}
                  </td>
                  <td>{describeDetail(e.detail, t, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries && entries.length > 0 && (
        <div className="audit-more">
          <p className="screen-hint" role="status" data-testid="audit-count">
            {t('audit.shown', { count: entries.length })}
          </p>
          {hasMore && (
            <button
              type="button"
              className="button button--primary"
              data-testid="audit-more"
              disabled={loading}
              onClick={() => void audit.getState().loadMore()}
            >
              {loading ? t('common.loading') : t('audit.older')}
            </button>
          )}
        </div>
      )}
    </main>
  );
}
