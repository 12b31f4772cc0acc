import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/dialog.js';
import type { Floor } from '../../stores/tables-store.js';

type FloorTable = Floor['tables'][number];
type Choice = { kind: 'move'; table: FloorTable } | { kind: 'merge'; table: FloorTable; sessionId: string };

/**
 * Moves a table's guests to a free table or merges its order into a seated one. A tap picks the
 * table; a second, explicit button confirms, because a merge cannot be undone.
 */
export function MoveDialog({
  floor,
  sessionId,
  label,
  busy,
  onMove,
  onMerge,
  onCancel,
}: {
  floor: Floor;
  sessionId: string;
  label: string;
  busy: boolean;
  onMove(tableId: string): void;
  onMerge(intoSessionId: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<Choice | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const others = floor.tables.filter((tb) => tb.session?.id !== sessionId);
  const free = others.filter((tb) => tb.session === null);
  const seated = others.filter((tb) => tb.session !== null);
  const tile = (tb: FloorTable, next: Choice) => (
    <li key={tb.id}>
      <button
        type="button"
        className="button button--secondary tile-button"
        aria-pressed={choice?.table.id === tb.id}
        data-testid={`move-pick-${tb.label}`}
        onClick={() => setChoice(next)}
      >
        <strong>{tb.label}</strong>
        <span>
          {tb.session ? t('tables.guests', { count: tb.session.guests }) : t('tables.seats', { count: tb.seats })}
        </span>
      </button>
    </li>
  );
  return (
    <Dialog
      title={t('tables.moveTitle', { label })}
      className="dialog--scroll"
      testId="move-dialog"
      onClose={onCancel}
      focusRef={cancelRef}
      actions={
        <>
          <button
            ref={cancelRef}
            type="button"
            className="button button--secondary"
            onClick={onCancel}
            data-testid="dialog-cancel"
          >
            {t('tables.cancel')}
          </button>
          {choice && (
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              data-testid="move-confirm"
              onClick={() => (choice.kind === 'move' ? onMove(choice.table.id) : onMerge(choice.sessionId))}
            >
              {choice.kind === 'move'
                ? t('tables.moveTo', { label: choice.table.label })
                : t('tables.mergeInto', { label: choice.table.label })}
            </button>
          )}
        </>
      }
    >
      <p className="screen-hint">{t('tables.moveHint')}</p>
      {others.length === 0 && <p>{t('tables.noOtherTable')}</p>}
      {free.length > 0 && (
        <>
          <h3 className="dialog__group">{t('tables.freeTables')}</h3>
          <ul className="tile-grid">{free.map((tb) => tile(tb, { kind: 'move', table: tb }))}</ul>
        </>
      )}
      {seated.length > 0 && (
        <>
          <h3 className="dialog__group">{t('tables.seatedTables')}</h3>
          <ul className="tile-grid">
            {seated.map((tb) => tile(tb, { kind: 'merge', table: tb, sessionId: tb.session!.id }))}
          </ul>
        </>
      )}
      {choice?.kind === 'merge' && (
        <p className="alert alert--info" role="status">
          {t('tables.mergeWarning', { label: choice.table.label })}
        </p>
      )}
    </Dialog>
  );
}
