import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { TableSession, TablesStore } from '../../stores/tables-store.js';
import { ApproveDialog } from './approve-dialog.js';
import { MenuPanel } from './menu-panel.js';
import { MoveDialog } from './move-dialog.js';
import { moneyText } from './money-text.js';

type Line = TableSession['lines'][number];
const pick = (n: { en: string; fr: string }, lang: string) => (lang.startsWith('fr') ? n.fr : n.en);
const lineState = (l: Line) => (l.status === 'void' ? 'void' : l.comped ? 'comped' : (l.ticketStatus ?? 'pending'));

/** A table's order: the menu on one side, the lines by seat on the other, send and pay below. */
export function OrderView({ store }: { store: TablesStore }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const session = useStore(store, (s) => s.session);
  const busy = useStore(store, (s) => s.busy);
  const error = useStore(store, (s) => s.error);
  const floor = useStore(store, (s) => s.floor);
  const [approving, setApproving] = useState<{ kind: 'void' | 'comp'; line: Line } | null>(null);
  const [moving, setMoving] = useState(false);
  if (!session) return null;
  const seats = [...new Set(session.lines.map((l) => l.seat))].sort((a, b) => a - b);
  const pending = session.lines.some((l) => l.status === 'pending');
  return (
    <div className="order-view" data-testid="tables-order">
      <MenuPanel store={store} guests={session.guests} />
      <section className="panel order-lines" aria-labelledby="order-title">
        <h2 id="order-title" className="section-title">
          {t('tables.orderTitle')} · {t('tables.guests', { count: session.guests })}
        </h2>
        {session.lines.length === 0 && <p className="screen-hint">{t('tables.emptyOrder')}</p>}
        {seats.map((seat) => (
          <div key={seat} className="order-seat" data-testid={`order-seat-${seat}`}>
            <h3 className="order-seat__title">{t('tables.seat', { n: seat })}</h3>
            <ul className="order-seat__lines">
              {session.lines
                .filter((l) => l.seat === seat)
                .map((l) => {
                  const state = lineState(l);
                  return (
                    <li
                      key={l.id}
                      className={`order-line order-line--${state}`}
                      data-testid="order-line"
                      data-state={state}
                    >
                      <div className="order-line__what">
                        <strong>
                          {l.quantity > 1 ? `${l.quantity} × ` : ''}
                          {pick(l.name, lang)}
                        </strong>
                        {l.modifiers.length > 0 && (
                          <span className="order-line__mods">
                            {l.modifiers.map((m) => pick(m.name, lang)).join(', ')}
                          </span>
                        )}
                        {l.note && <span className="order-line__note">“{l.note}”</span>}
                        <span className="order-line__meta">
                          {t('tables.course', { n: l.course })} ·{' '}
                          <span className={`chip chip--${state}`}>{t(`tables.line.${state}`)}</span>
                          {l.reason && <> · {l.reason}</>}
                        </span>
                      </div>
                      <span className="order-line__price">{moneyText(l.totalCents, lang)}</span>
                      <div className="order-line__actions">
                        {l.status === 'pending' && (
                          <button
                            type="button"
                            className="button button--secondary"
                            disabled={busy}
                            data-testid="line-remove"
                            onClick={() => void store.getState().removeLine(l.id)}
                          >
                            {t('tables.remove')}
                          </button>
                        )}
                        {l.status === 'sent' && (
                          <>
                            <button
                              type="button"
                              className="button button--secondary"
                              data-testid="line-void"
                              onClick={() => setApproving({ kind: 'void', line: l })}
                            >
                              {t('tables.void')}
                            </button>
                            {!l.comped && (
                              <button
                                type="button"
                                className="button button--secondary"
                                data-testid="line-comp"
                                onClick={() => setApproving({ kind: 'comp', line: l })}
                              >
                                {t('tables.comp')}
                              </button>
                            )}
                          </>
                        )}
                      </div>
                    </li>
                  );
                })}
            </ul>
          </div>
        ))}
        {/* Kept in view at the bottom: a long order must not hide Send. */}
        <div className="order-footer">
          <p className="order-total" data-testid="order-total">
            <span>{t('tables.total')}</span> <strong>{moneyText(session.totalCents, lang)}</strong>
          </p>
          <div className="order-actions">
            <button
              type="button"
              className="button button--secondary button--large"
              disabled={busy || !floor || session.status !== 'open'}
              data-testid="order-move"
              onClick={() => setMoving(true)}
            >
              {t('tables.moveOrMerge')}
            </button>
            <button
              type="button"
              className="button button--primary button--large"
              disabled={!pending || busy}
              data-testid="order-send"
              onClick={() => void store.getState().send()}
            >
              {t('tables.send')}
            </button>
            <button
              type="button"
              className="button button--secondary button--large"
              disabled={session.lines.length === 0 || pending || busy}
              data-testid="order-pay"
              onClick={() => void store.getState().showPayment()}
            >
              {t('tables.pay')}
            </button>
          </div>
        </div>
      </section>
      {moving && floor && (
        <MoveDialog
          floor={floor}
          sessionId={session.id}
          label={session.tableLabel}
          busy={busy}
          onCancel={() => setMoving(false)}
          onMove={(tableId) =>
            void store
              .getState()
              .moveTo(tableId)
              .then((ok) => ok && setMoving(false))
          }
          onMerge={(into) =>
            void store
              .getState()
              .mergeInto(into)
              .then((ok) => ok && setMoving(false))
          }
        />
      )}
      {approving && (
        <ApproveDialog
          kind={approving.kind}
          itemName={pick(approving.line.name, lang)}
          busy={busy}
          error={error}
          onCancel={() => setApproving(null)}
          onApprove={(a) =>
            void store
              .getState()
              .approve(approving.kind, { lineId: approving.line.id, ...a })
              .then((ok) => ok && setApproving(null))
          }
        />
      )}
    </div>
  );
}
