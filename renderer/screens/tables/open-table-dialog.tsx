import { useRef, useState } from 'react';
import { Stepper } from '../../components/stepper.js';
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
      <Stepper
        value={guests}
        min={1}
        max={40}
        onChange={setGuests}
        label={t('tables.guests', { count: guests })}
        fewerLabel={t('tables.fewer')}
        moreLabel={t('tables.more')}
        testId="guests"
      />
    </Dialog>
  );
}
