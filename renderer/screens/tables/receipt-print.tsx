import { useTranslation } from 'react-i18next';
import type { TablesStore } from '../../stores/tables-store.js';
import { moneyText } from './money-text.js';

type Session = NonNullable<ReturnType<TablesStore['getState']>['session']>;

/**
 * The receipt as the kiosk's printer prints it: only this block shows on paper (tables.css
 * `@media print`), narrow like a till roll, in the language on screen. Voided lines were never
 * served and are left out; offered ones say so.
 */
export function ReceiptPrint({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fr = lang.startsWith('fr');
  const money = (c: number) => moneyText(c, lang);
  return (
    <section className="receipt-print" aria-hidden="true" data-testid="receipt-print-layout">
      <h2>{t('tables.receipt.heading', { label: session.tableLabel })}</h2>
      <p>{t('tables.receipt.guests', { count: session.guests })}</p>
      <table>
        <tbody>
          {session.lines
            .filter((l) => l.status !== 'void')
            .map((l) => (
              <tr key={l.id}>
                <td>{l.quantity} ×</td>
                <td>
                  {fr ? l.name.fr : l.name.en}
                  {l.comped ? ` (${t('tables.receipt.offered')})` : ''}
                </td>
                <td className="receipt-print__amount">{money(l.totalCents)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <p className="receipt-print__total">
        {t('app.labelled', { label: t('tables.total') })} {money(session.totalCents)}
      </p>
      {session.payments.map((p) => (
        <p key={p.id}>
          {t('app.labelled', { label: t(`tables.method.${p.method}`) })} {money(p.amountCents)}
          {p.tipCents > 0 ? ` + ${t('tables.tips')} ${money(p.tipCents)}` : ''}
        </p>
      ))}
      <p>
        {t('app.labelled', { label: t('tables.due') })} {money(session.dueCents)}
      </p>
    </section>
  );
}
