import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { CONSUMERS, FUEL_TYPES, type Consumer, type FuelType } from '../../../shared/fuel/schema.js';
import { formatDateTime } from '../../i18n/format.js';
import type { FuelStore } from '../../stores/fuel-store.js';

type LogKind = 'sounding' | 'bunkering' | 'noon';
const KINDS: LogKind[] = ['sounding', 'bunkering', 'noon'];

/** "14,2" typed on a French keyboard is 14.2; an empty box is no number (the core names the field). */
const num = (v: string): number => (v.trim() === '' ? Number.NaN : Number(v.trim().replace(',', '.')));
/** A datetime-local value, read as UTC (the ship's logs keep UTC), to ISO-8601. */
const utc = (v: string) => (v ? `${v}:00.000Z` : '');

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** Log entry by hand: a tank sounding, a bunkering from its delivery note, or a noon report. */
export function LogForm({ store }: { store: FuelStore }) {
  const { t, i18n } = useTranslation();
  const busy = useStore(store, (s) => s.busy);
  const logs = useStore(store, (s) => s.logs);
  const [kind, setKind] = useState<LogKind>('sounding');
  const [v, setV] = useState<Record<string, string>>({ fuelType: 'HFO', loading: 'laden' });
  const set = (k: string) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [k]: e.target.value }));
  const input = (k: string, type: 'text' | 'number' | 'datetime-local' | 'date' = 'number') => (
    <input
      id={`fuel-${k}`}
      data-testid={`fuel-${k}`}
      className="field__control"
      type={type === 'number' ? 'text' : type}
      inputMode={type === 'number' ? 'decimal' : undefined}
      value={v[k] ?? ''}
      onChange={set(k)}
    />
  );
  const fuelSelect = (
    <select
      id="fuel-fuelType"
      data-testid="fuel-fuelType"
      className="field__control"
      value={v.fuelType}
      onChange={set('fuelType')}
    >
      {FUEL_TYPES.map((f) => (
        <option key={f} value={f}>
          {f}
        </option>
      ))}
    </select>
  );

  const submit = () => {
    const fuelType = v.fuelType as FuelType;
    const entry =
      kind === 'sounding'
        ? {
            log: 'sounding' as const,
            fields: {
              measuredAt: utc(v.measuredAt ?? ''),
              tank: v.tank ?? '',
              fuelType,
              volumeM3: num(v.volumeM3 ?? ''),
              densityKgM3: num(v.densityKgM3 ?? ''),
            },
          }
        : kind === 'bunkering'
          ? {
              log: 'bunkering' as const,
              fields: {
                deliveredAt: utc(v.deliveredAt ?? ''),
                port: v.port ?? '',
                supplier: v.supplier ?? '',
                fuelType,
                quantityT: num(v.quantityT ?? ''),
                densityKgM3: num(v.densityKgM3 ?? ''),
                sulphurPct: num(v.sulphurPct ?? ''),
                noteNumber: v.noteNumber ?? '',
              },
            }
          : {
              log: 'noon' as const,
              fields: {
                reportDate: v.reportDate ?? '',
                loading: v.loading === 'ballast' ? ('ballast' as const) : ('laden' as const),
                distanceNm: num(v.distanceNm ?? ''),
                hoursSteaming: num(v.hoursSteaming ?? ''),
                consumption: CONSUMERS.filter((c) => (v[c] ?? '').trim() !== '').map((c: Consumer) => ({
                  fuelType,
                  consumer: c,
                  tonnes: num(v[c]),
                })),
              },
            };
    void store
      .getState()
      .log(entry)
      .then((ok) => ok && setV({ fuelType: v.fuelType, loading: v.loading }));
  };

  return (
    <div className="fuel-log">
      <form
        className="panel fuel-form"
        data-testid="fuel-log-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="fuel-choices" role="group" aria-label={t('fuel.log.kindLabel')}>
          {KINDS.map((k) => (
            <button
              key={k}
              type="button"
              className="fuel-choice"
              aria-pressed={kind === k}
              data-testid={`fuel-log-kind-${k}`}
              onClick={() => setKind(k)}
            >
              {t(`fuel.log.kinds.${k}`)}
            </button>
          ))}
        </div>
        <div className="form">
          {kind === 'sounding' && (
            <>
              <Field id="fuel-measuredAt" label={`${t('fuel.log.measuredAt')} (UTC)`}>
                {input('measuredAt', 'datetime-local')}
              </Field>
              <Field id="fuel-tank" label={t('fuel.log.tank')}>
                {input('tank', 'text')}
              </Field>
              <Field id="fuel-fuelType" label={t('fuel.log.fuelType')}>
                {fuelSelect}
              </Field>
              <Field id="fuel-volumeM3" label={t('fuel.log.volumeM3')}>
                {input('volumeM3')}
              </Field>
              <Field id="fuel-densityKgM3" label={t('fuel.log.densityKgM3')}>
                {input('densityKgM3')}
              </Field>
            </>
          )}
          {kind === 'bunkering' && (
            <>
              <Field id="fuel-deliveredAt" label={`${t('fuel.log.deliveredAt')} (UTC)`}>
                {input('deliveredAt', 'datetime-local')}
              </Field>
              <Field id="fuel-port" label={t('fuel.log.port')}>
                {input('port', 'text')}
              </Field>
              <Field id="fuel-supplier" label={t('fuel.log.supplier')}>
                {input('supplier', 'text')}
              </Field>
              <Field id="fuel-noteNumber" label={t('fuel.log.noteNumber')}>
                {input('noteNumber', 'text')}
              </Field>
              <Field id="fuel-fuelType" label={t('fuel.log.fuelType')}>
                {fuelSelect}
              </Field>
              <Field id="fuel-quantityT" label={t('fuel.log.quantityT')}>
                {input('quantityT')}
              </Field>
              <Field id="fuel-densityKgM3" label={t('fuel.log.densityKgM3')}>
                {input('densityKgM3')}
              </Field>
              <Field id="fuel-sulphurPct" label={t('fuel.log.sulphurPct')}>
                {input('sulphurPct')}
              </Field>
            </>
          )}
          {kind === 'noon' && (
            <>
              <Field id="fuel-reportDate" label={t('fuel.log.reportDate')}>
                {input('reportDate', 'date')}
              </Field>
              <Field id="fuel-loading" label={t('fuel.log.loading')}>
                <select
                  id="fuel-loading"
                  data-testid="fuel-loading"
                  className="field__control"
                  value={v.loading}
                  onChange={set('loading')}
                >
                  {(['laden', 'ballast'] as const).map((l) => (
                    <option key={l} value={l}>
                      {t(`fuel.log.loadings.${l}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="fuel-distanceNm" label={t('fuel.log.distanceNm')}>
                {input('distanceNm')}
              </Field>
              <Field id="fuel-hoursSteaming" label={t('fuel.log.hoursSteaming')}>
                {input('hoursSteaming')}
              </Field>
              <Field id="fuel-fuelType" label={t('fuel.log.fuelType')}>
                {fuelSelect}
              </Field>
              {CONSUMERS.map((c) => (
                <Field key={c} id={`fuel-${c}`} label={t(`fuel.log.consumers.${c}`)}>
                  {input(c)}
                </Field>
              ))}
            </>
          )}
          <div className="form__full">
            <button type="submit" className="button button--primary" disabled={busy} data-testid="fuel-log-save">
              {t('fuel.log.save')}
            </button>
          </div>
        </div>
      </form>
      <section className="panel" aria-labelledby="fuel-recent-title">
        <h2 id="fuel-recent-title" className="section-title">
          {t('fuel.log.recentTitle')}
        </h2>
        {logs.length === 0 && <p className="screen-hint">{t('fuel.log.noEntries')}</p>}
        <ul className="fuel-entries">
          {logs.map((l) => (
            <li key={l.id} className="fuel-entry" data-testid="fuel-entry" data-log={l.log} data-in-force={l.inForce}>
              <strong>{t(`fuel.log.kinds.${l.log}`)}</strong>
              <span>{l.at.length > 10 ? formatDateTime(l.at, i18n.language) : l.at}</span>
              <span>{l.summary}</span>
              {l.corrects && <span className="fuel-chip">{t('fuel.log.correction')}</span>}
              {!l.inForce && <span className="fuel-chip">{t('fuel.log.corrected')}</span>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
