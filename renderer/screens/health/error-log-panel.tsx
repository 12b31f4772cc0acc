import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatDateTime } from '../../i18n/format.js';
import type { RetentionSettingView } from '../../stores/health-store.js';
import '../../styles/health.css';

/** One kind's days, with its range and a Save button (a large target, no hover needed). */
function RetentionRow({ setting, saving }: { setting: RetentionSettingView; saving: boolean }) {
  const { t } = useTranslation();
  const { health } = useServices();
  const [days, setDays] = useState(String(setting.days));
  const kind = t(`health.retention.kinds.${setting.kind}`);
  const id = `retention-${setting.kind}`;
  return (
    <form
      className="retention__row"
      data-testid={id}
      onSubmit={(e) => {
        e.preventDefault();
        void health.getState().setRetention(setting.kind, Number(days));
      }}
    >
      <div className="field retention__field">
        <label htmlFor={`${id}-days`}>
          {kind} — {t('health.retention.days')}
        </label>
        <input
          id={`${id}-days`}
          className="field__control"
          inputMode="numeric"
          value={days}
          onChange={(e) => setDays(e.target.value.replace(/[^0-9]/g, ''))}
          aria-describedby={`${id}-range`}
        />
        <p id={`${id}-range`} className="field__hint">
          {t('health.retention.range', { min: setting.minDays, max: setting.maxDays, default: setting.defaultDays })}
        </p>
      </div>
      <button
        type="submit"
        className="button button--secondary"
        disabled={saving || days === '' || Number(days) === setting.days}
        aria-label={t('health.retention.saveFor', { kind })}
      >
        {t('health.retention.save')}
      </button>
    </form>
  );
}

/** For administrators: the site's unexpected errors (code and place only) and how long data is kept. */
export function ErrorLogPanel() {
  const { t, i18n } = useTranslation();
  const { health } = useServices();
  const errors = useSlice(health, (s) => s.errors);
  const retention = useSlice(health, (s) => s.retention);
  const saving = useSlice(health, (s) => s.saving);
  const saved = useSlice(health, (s) => s.saved);
  const error = useSlice(health, (s) => s.adminError);
  useEffect(() => {
    void health.getState().loadAdmin();
  }, [health]);
  const savedSetting = retention?.find((r) => r.kind === saved);
  return (
    <>
      <section className="panel retention" aria-labelledby="retention-title" data-testid="retention-panel">
        <h2 id="retention-title" className="section-title">
          {t('health.retention.title')}
        </h2>
        <p className="screen-hint">{t('health.retention.explain')}</p>
        <ErrorAlert error={error} />
        {savedSetting && (
          <p className="alert alert--success" role="status" data-testid="retention-saved">
            {t('health.retention.saved', {
              kind: t(`health.retention.kinds.${savedSetting.kind}`),
              days: savedSetting.days,
            })}
          </p>
        )}
        {retention?.map((r) => (
          <RetentionRow key={`${r.kind}-${r.days}`} setting={r} saving={saving} />
        ))}
      </section>
      <section className="panel error-log" aria-labelledby="error-log-title" data-testid="error-log">
        <h2 id="error-log-title" className="section-title">
          {t('health.errors.title')}
        </h2>
        <p className="screen-hint">{t('health.errors.explain')}</p>
        {errors && (
          <p className="error-log__rate" data-testid="error-log-rate">
            {t('health.errors.lastHour', { count: errors.lastHour })}
          </p>
        )}
        {errors && errors.entries.length === 0 && <p className="screen-hint">{t('health.errors.none')}</p>}
        {errors && errors.entries.length > 0 && (
          <div className="error-log__scroll">
            <table className="table error-log__table">
              <thead>
                <tr>
                  <th scope="col">{t('health.errors.when')}</th>
                  <th scope="col">{t('health.errors.code')}</th>
                  <th scope="col">{t('health.errors.place')}</th>
                  <th scope="col">{t('health.errors.device')}</th>
                  <th scope="col">{t('health.errors.version')}</th>
                </tr>
              </thead>
              <tbody>
                {errors.entries.map((e) => (
                  <tr key={e.id} data-testid="error-log-row">
                    <td className="table__nowrap">{formatDateTime(e.occurredAt, i18n.language)}</td>
                    <td>
                      <code>{e.code}</code>
                    </td>
                    <td>
                      <code>{e.place}</code>
                    </td>
                    <td>{e.deviceId.slice(0, 8)}</td>
                    <td>{e.appVersion}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
