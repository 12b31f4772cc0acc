import { Chooser } from '../../components/chooser.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod, ShownShare } from '../../stores/tables-store.js';
import { moneyText, shareName } from './money-text.js';

const METHODS: PaymentMethod[] = ['cash', 'card', 'voucher'];
const cents = (s: string) => Math.round(Number(s.replace(',', '.') || '0') * 100);

/** Records money received for one share: method, tip and the terminal's or voucher's reference. */
export function PayShare({
  share,
  dueCents,
  busy,
  onPay,
}: {
  share: ShownShare;
  dueCents: number;
  busy: boolean;
  onPay(p: { amountCents: number; tipCents: number; method: PaymentMethod; reference: string | null }): void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [method, setMethod] = useState<PaymentMethod>('card');
  const [tip, setTip] = useState('');
  const [reference, setReference] = useState('');
  const amountCents = Math.min(share.amountCents, dueCents);
  const tipCents = cents(tip);
  return (
    <div className="pay-share" data-testid="pay-share">
      <h3 className="order-seat__title">{t('tables.payShare', { share: shareName(share.key, t) })}</h3>
      <Chooser
        label={t('tables.methodLabel')}
        showLabel
        options={METHODS}
        value={method}
        onChange={setMethod}
        text={(m) => t(`tables.method.${m}`)}
        testId={(m) => `method-${m}`}
      />
      <div className="pay-share__fields">
        <label className="field">
          <span>{t('tables.tip')}</span>
          <input
            className="field__control"
            inputMode="decimal"
            value={tip}
            onChange={(e) => setTip(e.target.value)}
            data-testid="pay-tip"
          />
        </label>
        <label className="field">
          <span>{t(`tables.reference.${method}`)}</span>
          <input
            className="field__control"
            maxLength={60}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            data-testid="pay-reference"
          />
        </label>
      </div>
      <button
        type="button"
        className="button button--primary button--large"
        disabled={busy || amountCents <= 0 || !(tipCents >= 0)}
        data-testid="pay-record"
        onClick={() => onPay({ amountCents, tipCents, method, reference: reference.trim() || null })}
      >
        {t('tables.record', { amount: moneyText(amountCents + (tipCents > 0 ? tipCents : 0), lang) })}
      </button>
    </div>
  );
}
