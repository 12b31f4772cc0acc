import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { Chooser } from '../../components/chooser.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatDateTime } from '../../i18n/format.js';
import type { createSalesStore } from '../../stores/sales-store.js';
import { moneyText, parseEuros } from './money-text.js';

type Store = ReturnType<typeof createSalesStore>;
const ACCEPTING = ['on', 'off'] as const;

/** A euro amount typed by hand, with the field's own message when it is not one. */
function EurosField(props: { id: string; label: string; value: string; onChange: (v: string) => void; bad: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        className="field__control"
        data-testid={props.id}
        inputMode="decimal"
        value={props.value}
        aria-invalid={props.bad}
        aria-describedby={props.bad ? `${props.id}-problem` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.bad && (
        <span id={`${props.id}-problem`} className="field__problem" role="alert" data-testid={`problem-${props.id}`}>
          {t('tables.service.notAmount')}
        </span>
      )}
    </div>
  );
}

/**
 * The service day on the owner's screen: taking orders on or off for the whole restaurant, a shift
 * opened with its cash float and closed with the cash counted, and the difference to what was
 * expected. All of it works offline; shore recomputes the expected cash with every kiosk's payments.
 */
export function ServicePanel({ store }: { store: Store }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const service = useStore(store, (s) => s.service);
  const error = useStore(store, (s) => s.serviceError);
  const busy = useStore(store, (s) => s.busy);
  const closed = useStore(store, (s) => s.closed);
  const [floatText, setFloat] = useState('');
  const [countText, setCount] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);

  useEffect(() => {
    void store.getState().loadService();
  }, [store]);

  if (!service) return null;
  const money = (c: number) => moneyText(c, lang);
  const signed = (c: number) => (c > 0 ? `+${money(c)}` : money(c));
  const floatCents = parseEuros(floatText);
  const counted = parseEuros(countText);
  const open = service.open;

  return (
    <section className="panel service-panel" aria-labelledby="service-title" data-testid="service-panel">
      <h2 id="service-title" className="section-title">
        {t('tables.service.title')}
      </h2>
      <ErrorAlert error={error} testId="service-error" />
      <Chooser
        label={t('tables.service.ordersLabel')}
        showLabel
        options={ACCEPTING}
        value={service.acceptingOrders ? 'on' : 'off'}
        onChange={(v) => void store.getState().setAccepting(v === 'on')}
        text={(v) => t(`tables.service.orders.${v}`)}
        testId={(v) => `orders-${v}`}
      />
      {open ? (
        <form
          className="service-panel__shift"
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (counted === null) return;
            void store
              .getState()
              .closeShift(counted, note.trim() || null)
              .then((ok) => {
                if (!ok) return;
                setCount('');
                setNote('');
                setTried(false);
              });
          }}
        >
          <p data-testid="shift-open">
            {t('tables.service.openSince', {
              when: formatDateTime(open.openedAt, lang),
              who: open.openedBy ?? '—',
              float: money(open.floatCents),
            })}
          </p>
          <p className="service-panel__expected" data-testid="shift-expected">
            {t('tables.service.expected', { amount: money(open.expectedCents) })}
          </p>
          <EurosField
            id="shift-counted"
            label={t('tables.service.counted')}
            value={countText}
            onChange={setCount}
            bad={tried && counted === null}
          />
          <div className="field">
            <label htmlFor="shift-note">{t('tables.service.note')}</label>
            <input
              id="shift-note"
              className="field__control"
              data-testid="shift-note"
              maxLength={300}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="shift-close">
            {t('tables.service.close')}
          </button>
        </form>
      ) : (
        <form
          className="service-panel__shift"
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (floatCents === null) return;
            void store
              .getState()
              .openShift(floatCents)
              .then((ok) => {
                if (!ok) return;
                setFloat('');
                setTried(false);
              });
          }}
        >
          <p>{t('tables.service.noShift')}</p>
          <EurosField
            id="shift-float"
            label={t('tables.service.float')}
            value={floatText}
            onChange={setFloat}
            bad={tried && floatCents === null}
          />
          <button type="submit" className="button button--primary" disabled={busy} data-testid="shift-open-button">
            {t('tables.service.open')}
          </button>
        </form>
      )}
      {closed && (
        <p
          className={`alert ${closed.differenceCents === 0 ? 'alert--success' : 'alert--warning'}`}
          role="status"
          data-testid="shift-result"
        >
          {closed.differenceCents === 0
            ? t('tables.service.balanced', { expected: money(closed.expectedCents) })
            : t('tables.service.difference', {
                expected: money(closed.expectedCents),
                difference: signed(closed.differenceCents),
              })}
        </p>
      )}
      {service.recent.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('tables.service.recent')}>
          <table className="table" data-testid="shift-history">
            <caption>{t('tables.service.recent')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tables.service.closedAt')}</th>
                <th scope="col">{t('tables.service.expectedCol')}</th>
                <th scope="col">{t('tables.service.countedCol')}</th>
                <th scope="col">{t('tables.service.differenceCol')}</th>
                <th scope="col">{t('tables.service.note')}</th>
              </tr>
            </thead>
            <tbody>
              {service.recent.map((s) => (
                <tr key={s.id} data-difference={s.differenceCents}>
                  <td className="table__nowrap">{formatDateTime(s.closedAt, lang)}</td>
                  <td>{money(s.expectedCents)}</td>
                  <td>{money(s.countedCents)}</td>
                  <td className={s.differenceCents === 0 ? '' : 'service-panel__off'}>{signed(s.differenceCents)}</td>
                  <td>{s.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
