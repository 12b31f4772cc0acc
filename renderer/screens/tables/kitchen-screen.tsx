import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { STATIONS } from '../../../shared/tables/routing.js';
import { bumped, ticketAge, ticketAlarm } from '../../../shared/tables/ticket-flow.js';
import { useServices } from '../../app/services.js';
import { useNow } from '../../app/use-now.js';
import { BackButton } from '../../components/back-button.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { createKitchenStore } from '../../stores/kitchen-store.js';
import { SoldOutDialog } from './sold-out-dialog.js';
import '../../styles/tables.css';

const pick = (n: { en: string; fr: string }, lang: string) => (lang.startsWith('fr') ? n.fr : n.en);

/**
 * The kitchen display: tickets oldest first, by station, coloured by age, with large bump and
 * recall buttons. Tickets sent on a waiter's kiosk appear as soon as they sync.
 */
export function KitchenScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { api } = useServices();
  const store = useMemo(() => createKitchenStore({ api }), [api]);
  const tickets = useStore(store, (s) => s.tickets);
  const station = useStore(store, (s) => s.station);
  const busy = useStore(store, (s) => s.busy);
  const error = useStore(store, (s) => s.error);
  const [soldOut, setSoldOut] = useState(false);
  // Ages and the alarm move with time even when nothing syncs.
  const now = new Date(useNow(10_000)).toISOString();

  useEffect(() => {
    void store.getState().load();
    return api.onEvent((e) => store.getState().handleEvent(e));
  }, [api, store]);

  const ringing = (tickets ?? []).filter((k) => ticketAlarm(k, now)).length;
  return (
    <main id="main" className="screen kitchen-screen" data-testid="screen-kitchen">
      <div className="screen__head">
        <h1 className="screen-title">{t('tables.kitchenTitle')}</h1>
        <div className="screen__head-actions">
          <button
            type="button"
            className="button button--secondary"
            data-testid="sold-out-open"
            onClick={() => setSoldOut(true)}
          >
            {t('tables.soldOutButton')}
          </button>
          <BackButton />
        </div>
      </div>
      {soldOut && <SoldOutDialog store={store} onClose={() => setSoldOut(false)} />}
      <div className="chooser" role="group" aria-label={t('tables.allStations')}>
        {[null, ...STATIONS].map((s) => (
          <button
            key={s ?? 'all'}
            type="button"
            className="chooser__option"
            aria-pressed={s === station}
            data-testid={`station-${s ?? 'all'}`}
            onClick={() => store.getState().setStation(s)}
          >
            {s ? t(`tables.station.${s}`) : t('tables.allStations')}
          </button>
        ))}
      </div>
      <ErrorAlert error={error} />
      {ringing > 0 && (
        <p className="alert alert--error kitchen-alarm" role="alert" data-testid="kitchen-alarm">
          {t('tables.alarm', { count: ringing })}
        </p>
      )}
      {!tickets && <p className="screen-hint">{t('common.loading')}</p>}
      {tickets?.length === 0 && <p className="panel screen-hint">{t('tables.noTickets')}</p>}
      <ul className="tickets">
        {tickets?.map((k) => {
          const age = ticketAge(k.sentAt, now);
          const alarm = ticketAlarm(k, now);
          const next = bumped(k.status);
          const minutes = Math.max(0, Math.floor((Date.parse(now) - Date.parse(k.sentAt)) / 60_000));
          return (
            <li
              key={k.id}
              className={`ticket ticket--${age}${alarm ? ' ticket--alarm' : ''}`}
              data-testid={`ticket-${k.tableLabel}-${k.station}`}
              data-status={k.status}
              data-age={age}
            >
              <div className="ticket__head">
                <strong className="ticket__table">{t('tables.ticketTitle', { label: k.tableLabel })}</strong>
                <span className="ticket__age">{t('tables.age', { minutes })}</span>
              </div>
              <p className="ticket__meta">
                {t(`tables.station.${k.station}`, { defaultValue: k.station })} · {t('tables.course', { n: k.course })}{' '}
                · <span className={`chip chip--${k.status}`}>{t(`tables.ticket.${k.status}`)}</span>
                {alarm && <span className="chip chip--alarm">{t('tables.unacknowledged')}</span>}
              </p>
              <ul className="ticket__lines">
                {k.lines.map((l, i) => (
                  <li key={i} className={l.voided ? 'ticket__line ticket__line--void' : 'ticket__line'}>
                    <span className="ticket__seat">{t('tables.seatShort', { n: l.seat })}</span>{' '}
                    <strong>
                      {l.quantity} × {pick(l.name, lang)}
                    </strong>
                    {l.modifiers.length > 0 && (
                      <span className="ticket__mods">{l.modifiers.map((m) => pick(m, lang)).join(', ')}</span>
                    )}
                    {l.note && <span className="ticket__note">“{l.note}”</span>}
                  </li>
                ))}
              </ul>
              <div className="ticket__actions">
                {k.status !== 'new' && (
                  <button
                    type="button"
                    className="button button--secondary button--large"
                    disabled={busy}
                    data-testid="ticket-recall"
                    onClick={() => void store.getState().recall(k)}
                  >
                    {t('tables.recall')}
                  </button>
                )}
                {next && (
                  <button
                    type="button"
                    className="button button--primary button--large"
                    disabled={busy}
                    data-testid="ticket-bump"
                    onClick={() => void store.getState().bump(k)}
                  >
                    {t(`tables.bump.${k.status as 'new' | 'preparing' | 'ready'}`)}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
