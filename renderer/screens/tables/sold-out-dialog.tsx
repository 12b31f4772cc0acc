import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { Dialog } from '../../components/dialog.js';
import type { KitchenStore } from '../../stores/kitchen-store.js';

const pick = (n: { en: string; fr: string }, lang: string) => (lang.startsWith('fr') ? n.fr : n.en);

/**
 * The kitchen's "86" list: every menu item as a large toggle, sold out or available. A change
 * reaches every kiosk of the site as soon as it syncs, and the waiters' menus grey the item out.
 */
export function SoldOutDialog({ store, onClose }: { store: KitchenStore; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const menu = useStore(store, (s) => s.menu);
  const busy = useStore(store, (s) => s.busy);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    void store.getState().loadMenu();
  }, [store]);
  return (
    <Dialog
      title={t('tables.soldOutTitle')}
      className="dialog--scroll"
      testId="sold-out-dialog"
      onClose={onClose}
      focusRef={closeRef}
      actions={
        <button
          ref={closeRef}
          type="button"
          className="button button--primary"
          onClick={onClose}
          data-testid="sold-out-close"
        >
          {t('tables.done')}
        </button>
      }
    >
      <p className="screen-hint">{t('tables.soldOutHint')}</p>
      {!menu && <p className="screen-hint">{t('common.loading')}</p>}
      {menu?.categories.map((c) => (
        <section key={c.id}>
          <h3 className="dialog__group">{pick(c.name, lang)}</h3>
          <ul className="tile-grid tile-grid--wide">
            {menu.items
              .filter((i) => i.categoryId === c.id)
              .map((i) => (
                <li key={i.id}>
                  <button
                    type="button"
                    className="button button--secondary tile-button sold-out-toggle"
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
    </Dialog>
  );
}
