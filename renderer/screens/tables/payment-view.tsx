import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { TablesStore } from '../../stores/tables-store.js';
import { moneyText, shareName } from './money-text.js';
import { PayShare } from './pay-share.js';
import { ReceiptPrint } from './receipt-print.js';
import { useServices } from '../../app/services.js';
import { ExportButton } from '../compliance/export-dialog.js';
import { SplitChooser } from './split-chooser.js';

const RECEIPT_FORMATS = ['pdf'] as const;

/** The bill: how it is split, each share paid by cash, card or voucher with a tip, then close the table. */
export function PaymentView({ store }: { store: TablesStore }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { api } = useServices();
  const session = useStore(store, (s) => s.session);
  const shares = useStore(store, (s) => s.shares);
  const busy = useStore(store, (s) => s.busy);
  const [paying, setPaying] = useState<string | null>(null);
  if (!session) return null;
  const paidKeys = new Set(session.payments.map((p) => p.shareKey));
  const selected = shares.find((s) => s.paymentKey === paying && !paidKeys.has(s.key)) ?? null;
  const sum = (label: string, cents: number, testId: string) => (
    <div className="bill-sum__row">
      <span>{label}</span>
      <strong data-testid={testId}>{moneyText(cents, lang)}</strong>
    </div>
  );
  return (
    <div className="payment-view" data-testid="tables-payment">
      <div className="payment-view__side">
        <section className="panel bill-sum" aria-label={t('tables.total')}>
          {sum(t('tables.total'), session.totalCents, 'bill-total')}
          {sum(t('tables.paid'), session.paidCents, 'bill-paid')}
          {session.tipCents > 0 && sum(t('tables.tips'), session.tipCents, 'bill-tips')}
          <div className="bill-sum__row bill-sum__row--due">
            <span>{t('tables.due')}</span>
            <strong data-testid="bill-due">{moneyText(session.dueCents, lang)}</strong>
          </div>
          <div className="bill-sum__receipt">
            <ExportButton
              formats={RECEIPT_FORMATS}
              request={() => api.call('tables.receipt', { sessionId: session.id })}
              titleKey="tables.receipt.title"
              hintKey="tables.receipt.hint"
              labelKey="tables.receipt.open"
              testId="receipt-open"
            />
            <button
              type="button"
              className="button button--secondary"
              data-testid="receipt-print"
              onClick={() => window.print()}
            >
              {t('tables.receipt.print')}
            </button>
          </div>
        </section>
        <ReceiptPrint session={session} />
        <SplitChooser
          session={session}
          busy={busy}
          onSplit={(split) => {
            setPaying(null);
            void store.getState().split(split);
          }}
        />
      </div>
      <section className="panel shares" aria-labelledby="shares-title">
        <h2 id="shares-title" className="section-title">
          {t('tables.payments')}
        </h2>
        <ul className="shares__list">
          {shares.map((s) => {
            const paid = paidKeys.has(s.key);
            return (
              <li key={s.paymentKey}>
                <button
                  type="button"
                  className="share-tile"
                  aria-pressed={s.paymentKey === paying}
                  disabled={paid || session.dueCents === 0}
                  data-testid={`share-${s.key}`}
                  data-paid={paid}
                  onClick={() => setPaying(s.paymentKey)}
                >
                  <span>{shareName(s.key, t)}</span>
                  <strong>{moneyText(s.amountCents, lang)}</strong>
                  {paid && <span className="chip chip--served">{t('tables.sharePaid')}</span>}
                </button>
              </li>
            );
          })}
        </ul>
        {selected && session.dueCents > 0 && (
          <PayShare
            key={selected.paymentKey}
            share={selected}
            dueCents={session.dueCents}
            busy={busy}
            onPay={(p) =>
              void store
                .getState()
                .pay(selected, p)
                .then((ok) => ok && setPaying(null))
            }
          />
        )}
        <div className="order-actions">
          <button
            type="button"
            className="button button--secondary button--large"
            data-testid="pay-back"
            onClick={() => void store.getState().showSession(session.id)}
          >
            {t('tables.backToOrder')}
          </button>
          <button
            type="button"
            className="button button--primary button--large"
            disabled={session.dueCents > 0 || busy}
            data-testid="table-close"
            onClick={() => void store.getState().close()}
          >
            {t('tables.close')}
          </button>
        </div>
      </section>
    </div>
  );
}
