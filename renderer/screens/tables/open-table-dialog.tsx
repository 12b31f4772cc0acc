import { useRef, useState } from 'react';
import { Dialog } from '../../components/dialog.js';
import { useTranslation } from 'react-i18next';

/** Asks how many guests sit at a free table, with large minus and plus buttons (wet hands). */
export function OpenTableDialog({
  table,
  busy,
  onOpen,
  onCancel,
}: {
  table: { label: string; seats: number };
  busy: boolean;
  onOpen(guests: number): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [guests, setGuests] = useState(Math.min(table.seats, 2));
  const openRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title={t('tables.openTitle', { label: table.label })}
      testId="open-table-dialog"
      onClose={onCancel}
      focusRef={openRef}
      actions={
        <>
          <button type="button" className="button button--secondary" onClick={onCancel} data-testid="dialog-cancel">
            {t('tables.cancel')}
          </button>
          <button
            ref={openRef}
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => onOpen(guests)}
            data-testid="open-table"
          >
            {t('tables.open')}
          </button>
        </>
      }
    >
      <p>{t('tables.howManyGuests')}</p>
      <div className="stepper">
        <button
          type="button"
          className="button button--secondary stepper__button"
          aria-label={t('tables.fewer')}
          data-testid="guests-fewer"
          disabled={guests <= 1}
          onClick={() => setGuests((g) => Math.max(1, g - 1))}
        >
          −
        </button>
        <output className="stepper__value" data-testid="guests-count" aria-live="polite">
          {t('tables.guests', { count: guests })}
        </output>
        <button
          type="button"
          className="button button--secondary stepper__button"
          aria-label={t('tables.more')}
          data-testid="guests-more"
          disabled={guests >= 40}
          onClick={() => setGuests((g) => Math.min(40, g + 1))}
        >
          +
        </button>
      </div>
    </Dialog>
  );
}
