import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { FRAMEWORKS, REPORT_STATUSES } from '../../../shared/incidents/regulatory.js';
import type { createIncidentsStore, IncidentDetail, RegulatoryInput } from '../../stores/incidents-store.js';

type Store = ReturnType<typeof createIncidentsStore>;

/** The datetime-local value (the kiosk's zone) of a UTC instant, and back. */
const toLocal = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocal = (v: string) => (v ? new Date(v).toISOString() : null);

function Toggle(props: { label: string; on: boolean; testId: string; disabled: boolean; onChange(on: boolean): void }) {
  return (
    <button
      type="button"
      className="incident-choice"
      aria-pressed={props.on}
      disabled={props.disabled}
      data-testid={props.testId}
      onClick={() => props.onChange(!props.on)}
    >
      {props.label}
    </button>
  );
}

/** The incident's regulatory log: frameworks, the authority and its deadline, the report, investigation and review. */
export function RegulatoryPanel({ store, detail }: { store: Store; detail: IncidentDetail }) {
  const { t } = useTranslation();
  const busy = useStore(store, (s) => s.busy);
  const { saved, ...stored } = detail.regulatory;
  const [form, setForm] = useState<RegulatoryInput>(stored);
  const [seen, setSeen] = useState(detail.regulatory);
  // A synced change from another kiosk replaces the form, as the rest of the detail does.
  if (seen !== detail.regulatory) {
    setSeen(detail.regulatory);
    setForm(stored);
  }
  const edit = !detail.canEditRegulatory || busy;
  const set = <K extends keyof RegulatoryInput>(k: K, v: RegulatoryInput[K]) => setForm((f) => ({ ...f, [k]: v }));
  return (
    <section className="incident-regulatory" data-testid="incident-regulatory" data-saved={saved}>
      <h3>{t('incidents.regulatory.title')}</h3>
      {!saved && <p className="incident-regulatory__hint">{t('incidents.regulatory.defaults')}</p>}
      <fieldset className="incident-choices">
        <legend>{t('incidents.regulatory.frameworks')}</legend>
        {FRAMEWORKS.map((f) => (
          <Toggle
            key={f}
            label={t(`incidents.regulatory.framework.${f}`)}
            on={form.frameworks.includes(f)}
            testId={`framework-${f}`}
            disabled={edit}
            onChange={(on) => set('frameworks', on ? [...form.frameworks, f] : form.frameworks.filter((x) => x !== f))}
          />
        ))}
      </fieldset>
      <fieldset className="incident-choices">
        <legend>{t('incidents.regulatory.authorityNotify')}</legend>
        <Toggle
          label={t('incidents.regulatory.yes')}
          on={form.authorityNotify}
          testId="authority-yes"
          disabled={edit}
          onChange={() => set('authorityNotify', true)}
        />
        <Toggle
          label={t('incidents.regulatory.no')}
          on={!form.authorityNotify}
          testId="authority-no"
          disabled={edit}
          onChange={() => set('authorityNotify', false)}
        />
      </fieldset>
      <div className="incident-fields">
        <label className="incident-field">
          <span>{t('incidents.regulatory.deadline')}</span>
          <input
            type="datetime-local"
            data-testid="authority-deadline"
            disabled={edit}
            value={toLocal(form.authorityDeadline)}
            onChange={(e) => set('authorityDeadline', fromLocal(e.target.value))}
          />
        </label>
        <label className="incident-field">
          <span>{t('incidents.regulatory.reference')}</span>
          <input
            data-testid="report-reference"
            maxLength={200}
            disabled={edit}
            value={form.reportReference}
            onChange={(e) => set('reportReference', e.target.value)}
          />
        </label>
      </div>
      <fieldset className="incident-choices">
        <legend>{t('incidents.regulatory.reportStatus')}</legend>
        {REPORT_STATUSES.map((s) => (
          <Toggle
            key={s}
            label={t(`incidents.regulatory.status.${s}`)}
            on={form.reportStatus === s}
            testId={`report-${s}`}
            disabled={edit}
            onChange={() => set('reportStatus', s)}
          />
        ))}
      </fieldset>
      {(['investigation', 'review'] as const).map((what) => (
        <fieldset key={what} className="incident-choices">
          <legend>{t(`incidents.regulatory.${what}`)}</legend>
          <Toggle
            label={t('incidents.regulatory.required')}
            on={form[`${what}Required`]}
            testId={`${what}-required`}
            disabled={edit}
            onChange={(on) => set(`${what}Required`, on)}
          />
          <Toggle
            label={t('incidents.regulatory.done')}
            on={form[`${what}Done`]}
            testId={`${what}-done`}
            disabled={edit}
            onChange={(on) => set(`${what}Done`, on)}
          />
        </fieldset>
      ))}
      {detail.canEditRegulatory && (
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          data-testid="regulatory-save"
          onClick={() => void store.getState().setRegulatory(form)}
        >
          {t('incidents.regulatory.save')}
        </button>
      )}
    </section>
  );
}
