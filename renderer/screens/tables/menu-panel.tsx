import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Menu, TablesStore } from '../../stores/tables-store.js';
import { ItemDialog } from './item-dialog.js';
import { moneyText } from './money-text.js';

const pick = (n: { en: string; fr: string }, lang: string) => (lang.startsWith('fr') ? n.fr : n.en);

/** The menu by category, with the seat and course the next item goes to; a tap opens the item's choices. */
export function MenuPanel({ store, guests }: { store: TablesStore; guests: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const menu = useStore(store, (s) => s.menu);
  const busy = useStore(store, (s) => s.busy);
  const [category, setCategory] = useState<string | null>(null);
  const [seat, setSeat] = useState(1);
  const [course, setCourse] = useState(1);
  const [item, setItem] = useState<Menu['items'][number] | null>(null);
  if (!menu) return <p className="screen-hint">{t('common.loading')}</p>;
  const shown = category ?? menu.categories[0]?.id ?? null;
  const chooser = (label: string, n: number, value: number, set: (v: number) => void, kind: 'seat' | 'course') => (
    <div className="chooser" role="group" aria-label={label}>
      <span className="chooser__label">{label}</span>
      {Array.from({ length: n }, (_, i) => i + 1).map((v) => (
        <button
          key={v}
          type="button"
          className="chooser__option"
          aria-pressed={v === value}
          data-testid={`${kind}-${v}`}
          onClick={() => set(v)}
        >
          {t(`tables.${kind}`, { n: v })}
        </button>
      ))}
    </div>
  );
  return (
    <section className="panel menu-panel" aria-label={t('tables.menuLabel')}>
      {chooser(t('tables.seatLabel'), guests, Math.min(seat, guests), setSeat, 'seat')}
      {chooser(t('tables.courseLabel'), 3, course, setCourse, 'course')}
      <div className="chooser" role="tablist" aria-label={t('tables.menuLabel')}>
        {menu.categories.map((c) => (
          <button
            key={c.id}
            type="button"
            role="tab"
            className="chooser__option"
            aria-selected={c.id === shown}
            data-testid={`category-${c.name.en}`}
            onClick={() => setCategory(c.id)}
          >
            {pick(c.name, lang)}
          </button>
        ))}
      </div>
      <ul className="menu-items">
        {menu.items
          .filter((i) => i.categoryId === shown)
          .map((i) => (
            <li key={i.id}>
              <button
                type="button"
                className="menu-item"
                disabled={!i.available || busy}
                data-testid={`menu-item-${i.name.en}`}
                onClick={() => setItem(i)}
              >
                <span className="menu-item__name">{pick(i.name, lang)}</span>
                <span className="menu-item__price">
                  {i.available ? moneyText(i.priceCents, lang) : t('tables.soldOut')}
                </span>
                {i.allergens.length > 0 && (
                  <span className="menu-item__allergens">
                    {i.allergens.map((a) => t(`tables.allergen.${a}`)).join(' · ')}
                  </span>
                )}
              </button>
            </li>
          ))}
      </ul>
      {item && (
        <ItemDialog
          item={item}
          seat={Math.min(seat, guests)}
          onCancel={() => setItem(null)}
          onAdd={(modifierIds, note, quantity) => {
            setItem(null);
            void store.getState().addLine({
              itemId: item.id,
              seat: Math.min(seat, guests),
              quantity,
              modifierIds,
              note,
              course,
            });
          }}
        />
      )}
    </section>
  );
}
