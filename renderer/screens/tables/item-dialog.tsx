import { useRef, useState } from 'react';
import { Dialog } from '../../components/dialog.js';
import { Stepper } from '../../components/stepper.js';
import { useTranslation } from 'react-i18next';
import type { Menu } from '../../stores/tables-store.js';
import { moneyText } from './money-text.js';

type Item = Menu['items'][number];
/** The order line's limit (`tables.addLine` takes 1 to 99). */
const MAX_QUANTITY = 99;
const pick = (n: { en: string; fr: string }, lang: string) => (lang.startsWith('fr') ? n.fr : n.en);

/** One item before it goes on the order: how many, its allergens, the choices offered, a note for the kitchen. */
export function ItemDialog({
  item,
  seat,
  onAdd,
  onCancel,
}: {
  item: Item;
  seat: number;
  onAdd(modifierIds: string[], note: string | null, quantity: number): void;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [quantity, setQuantity] = useState(1);
  const addRef = useRef<HTMLButtonElement>(null);
  const toggle = (m: string) => setChosen((c) => (c.includes(m) ? c.filter((x) => x !== m) : [...c, m]));
  return (
    <Dialog
      title={
        <>
          {pick(item.name, lang)} · {moneyText(item.priceCents, lang)}
        </>
      }
      testId="item-dialog"
      onClose={onCancel}
      focusRef={addRef}
      actions={
        <>
          <button type="button" className="button button--secondary" onClick={onCancel} data-testid="dialog-cancel">
            {t('tables.cancel')}
          </button>
          <button
            ref={addRef}
            type="button"
            className="button button--primary"
            onClick={() => onAdd(chosen, note.trim() || null, quantity)}
            data-testid="item-add"
          >
            {t('tables.add', { n: seat, count: quantity })}
          </button>
        </>
      }
    >
      <Stepper
        value={quantity}
        min={1}
        max={MAX_QUANTITY}
        onChange={setQuantity}
        label={t('tables.quantity', { count: quantity })}
        fewerLabel={t('tables.fewerOne')}
        moreLabel={t('tables.moreOne')}
        testId="quantity"
      />
      <p className="allergen-list" data-testid="item-allergens">
        <strong>{t('app.labelled', { label: t('tables.allergens') })} </strong>
        {item.allergens.length
          ? item.allergens.map((a) => t(`tables.allergen.${a}`)).join(', ')
          : t('tables.noAllergens')}
      </p>
      {item.modifiers.length > 0 && (
        <fieldset className="modifier-list">
          <legend>{t('tables.modifiers')}</legend>
          {item.modifiers.map((m) => (
            <label key={m.id} className="toggle-row">
              <input
                type="checkbox"
                checked={chosen.includes(m.id)}
                onChange={() => toggle(m.id)}
                data-testid={`modifier-${m.name.en}`}
              />
              <span>
                {pick(m.name, lang)}
                {m.priceCents > 0 && ` (+${moneyText(m.priceCents, lang)})`}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <label className="field">
        <span>{t('tables.note')}</span>
        <input
          className="field__control"
          maxLength={200}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-testid="item-note"
        />
      </label>
    </Dialog>
  );
}
