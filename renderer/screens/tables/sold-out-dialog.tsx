import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { KitchenStore } from '../../stores/kitchen-store.js';

const pick = (n: { en: string; fr: string }, lang: string) => (lang.startsWith('fr') ? n.fr : n.en);

/**
 * The kitchen's "86" list: every menu item as a large toggle, sold out or available. A change
 * reaches every kiosk of the site as soon as it syncs, and the waiters' menus grey the item out.
 */
export function SoldOutDialog({ store, onClose }: { store: KitchenStore; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const menu = useStore(store, (s) => s.menu);
  const busy = useStore(store, (s) => s.busy);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    void store.getState().loadMenu();
  }, [store]);
  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div
        className="dialog move-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        data-testid="sold-out-dialog"
      >
        <h2 id={id} className="section-title">
          {t('tables.soldOutTitle')}
        </h2>
        <p className="screen-hint">{t('tables.soldOutHint')}</p>
        {!menu && <p className="screen-hint">{t('common.loading')}</p>}
        {menu?.categories.map((c) => (
          <section key={c.id}>
            <h3 className="move-dialog__group">{pick(c.name, lang)}</h3>
            <ul className="move-dialog__tables move-dialog__tables--wide">
              {menu.items
                .filter((i) => i.categoryId === c.id)
                .map((i) => (
                  <li key={i.id}>
                    <button
                      type="button"
                      className="button button--secondary move-dialog__table sold-out-toggle"
                      aria-pressed={!i.available}
                      disabled={busy}
                      data-testid={`sold-out-${i.name.en}`}
                      onClick={() => void store.getState().setAvailable(i.id, !i.available)}
                    >
                      <strong>{pick(i.name, lang)}</strong>
                      <span>{i.available ? t('tables.available') : t('tables.soldOut')}</span>
                    </button>
                  </li>
                ))}
            </ul>
          </section>
        ))}
        <div className="dialog__actions">
          <button
            ref={closeRef}
            type="button"
            className="button button--primary"
            onClick={onClose}
            data-testid="sold-out-close"
          >
            {t('tables.done')}
          </button>
        </div>
      </div>
    </div>
  );
}
