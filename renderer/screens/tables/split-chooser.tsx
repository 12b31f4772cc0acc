import { Chooser } from '../../components/chooser.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SplitRequest, TableSession } from '../../stores/tables-store.js';
import { moneyText } from './money-text.js';

type Mode = SplitRequest['mode'];
const MODES: Mode[] = ['whole', 'seat', 'item', 'equal', 'amount'];
const pick = (n: { en: string; fr: string }, lang: string) => (lang.startsWith('fr') ? n.fr : n.en);

/** How the bill is split: one bill, by seat, by item (who pays each), equally, or by named amounts. */
export function SplitChooser({
  session,
  busy,
  onSplit,
}: {
  session: TableSession;
  busy: boolean;
  onSplit(split: SplitRequest): void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [mode, setMode] = useState<Mode>('whole');
  const [ways, setWays] = useState(Math.max(2, session.guests));
  const charged = session.lines.filter((l) => l.totalCents > 0);
  const [payer, setPayer] = useState<Record<string, number>>({});
  const [amounts, setAmounts] = useState<number[]>([]);
  const [amount, setAmount] = useState('');
  const choose = (m: Mode) => {
    setMode(m);
    if (m === 'whole' || m === 'seat') onSplit({ mode: m });
  };
  const apply = () => {
    if (mode === 'equal') onSplit({ mode, ways });
    if (mode === 'amount') onSplit({ mode, amounts });
    if (mode === 'item')
      onSplit({
        mode,
        assign: Object.fromEntries(charged.map((l) => [l.id, [`guest-${payer[l.id] ?? l.seat}`]])),
      });
  };
  const cents = Math.round(Number(amount.replace(',', '.')) * 100);
  return (
    <section className="panel split" aria-labelledby="split-title">
      <h2 id="split-title" className="section-title">
        {t('tables.splitLabel')}
      </h2>
      <Chooser
        label={t('tables.splitLabel')}
        options={MODES}
        value={mode}
        onChange={choose}
        text={(m) => t(`tables.split.${m}`)}
        testId={(m) => `split-${m}`}
      />
      {mode === 'equal' && (
        <div className="stepper">
          <span>{t('tables.ways')}</span>
          <button
            type="button"
            className="button button--secondary stepper__button"
            aria-label={t('tables.fewer')}
            disabled={ways <= 1}
            onClick={() => setWays((w) => Math.max(1, w - 1))}
          >
            −
          </button>
          <output className="stepper__value" data-testid="split-ways">
            {ways}
          </output>
          <button
            type="button"
            className="button button--secondary stepper__button"
            aria-label={t('tables.more')}
            disabled={ways >= 50}
            onClick={() => setWays((w) => Math.min(50, w + 1))}
          >
            +
          </button>
        </div>
      )}
      {mode === 'item' && (
        <div className="split-items">
          <p>{t('tables.whoPays')}</p>
          {charged.map((l) => (
            <div key={l.id} className="chooser" role="group" aria-label={pick(l.name, lang)}>
              <span className="chooser__label">
                {pick(l.name, lang)} · {moneyText(l.totalCents, lang)}
              </span>
              {Array.from({ length: session.guests }, (_, i) => i + 1).map((g) => (
                <button
                  key={g}
                  type="button"
                  className="chooser__option"
                  aria-pressed={(payer[l.id] ?? l.seat) === g}
                  onClick={() => setPayer((p) => ({ ...p, [l.id]: g }))}
                >
                  {t('tables.guest', { n: g })}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
      {mode === 'amount' && (
        <div className="split-amounts">
          <p className="screen-hint">{t('tables.amountsHint')}</p>
          <ul>
            {amounts.map((a, i) => (
              <li key={i}>{`${t('tables.share.part', { n: i + 1 })}: ${moneyText(a, lang)}`}</li>
            ))}
          </ul>
          <label className="field">
            <span>{t('tables.amountLabel')}</span>
            <input
              className="field__control"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              data-testid="split-amount"
            />
          </label>
          <button
            type="button"
            className="button button--secondary"
            disabled={!(cents > 0)}
            data-testid="split-add-amount"
            onClick={() => {
              setAmounts((a) => [...a, cents]);
              setAmount('');
            }}
          >
            {t('tables.addAmount')}
          </button>
        </div>
      )}
      {(mode === 'equal' || mode === 'item' || (mode === 'amount' && amounts.length > 0)) && (
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          data-testid="split-apply"
          onClick={apply}
        >
          {t('tables.splitApply')}
        </button>
      )}
    </section>
  );
}
