import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/api/contract.js';
import type { ErrorData } from '../../../shared/errors.js';
import { useServices } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { base64Of } from '../../components/file-base64.js';
import { formatDateTime } from '../../i18n/format.js';
import { RecordVerdictView } from './record-check.js';

type Checked = MethodOutput<'incidents.checkRecordFile'>;

/**
 * "Check a file": an incident report PDF (which carries its sealed record) or the record's JSON,
 * checked on this kiosk without a link; the entries that are not as sealed are named.
 */
export function RecordFileCheck() {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const open = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    setChecked(null);
    const r = await api.call('incidents.checkRecordFile', { base64: await base64Of(file) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setChecked(r.value);
  };
  const at = (iso: string) => formatDateTime(iso, i18n.language);
  const nameOf = (id: string) => {
    const e = checked?.entries.find((x) => x.id === id);
    return e ? `${t(`incidents.fileCheck.kind.${e.kind}`)} · ${at(e.at)}` : id.slice(0, 8);
  };
  return (
    <section className="panel incident-record" data-testid="record-file-check">
      <h2 className="section-title">{t('incidents.fileCheck.title')}</h2>
      <p className="screen-hint">{t('incidents.fileCheck.explain')}</p>
      <label className="button button--primary reenrol__photo">
        {busy ? t('incidents.fileCheck.checking') : t('incidents.fileCheck.open')}
        <input
          type="file"
          accept="application/pdf,application/json,.json,.pdf"
          disabled={busy}
          data-testid="record-file"
          onChange={(e) => void open(e)}
        />
      </label>
      <ErrorAlert error={error} testId="record-file-error" />
      {checked && (
        <>
          <p data-testid="record-file-incident">
            {t('incidents.fileCheck.incident', {
              id: checked.incidentId.slice(0, 8),
              time: checked.occurredAt ? at(checked.occurredAt) : '—',
            })}
            {checked.summary && <> — «&nbsp;{checked.summary}&nbsp;»</>}
          </p>
          <p className="field__hint">
            {t(checked.source === 'pdf' ? 'incidents.fileCheck.fromPdf' : 'incidents.fileCheck.fromJson')}
          </p>
          <RecordVerdictView verdict={checked} nameOf={nameOf} />
        </>
      )}
    </section>
  );
}
