import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { TablesStore } from '../../stores/tables-store.js';
import { OpenTableDialog } from './open-table-dialog.js';

type Table = NonNullable<ReturnType<TablesStore['getState']>['floor']>['tables'][number];

/** The floor: each area's tables as large tiles coloured by state; a tap opens or shows the table. */
export function FloorView({ store }: { store: TablesStore }) {
  const { t } = useTranslation();
  const floor = useStore(store, (s) => s.floor);
  const [opening, setOpening] = useState<Table | null>(null);
  if (!floor) return <p className="screen-hint">{t('common.loading')}</p>;
  if (floor.tables.length === 0) return <p className="panel screen-hint">{t('tables.noTables')}</p>;
  const tap = (table: Table) => {
    if (table.session) void store.getState().showSession(table.session.id);
    else setOpening(table);
  };
  return (
    <div className="floor" data-testid="tables-floor">
      {!floor.acceptingOrders && (
        <p className="alert alert--warning" role="status" data-testid="orders-stopped">
          {t('tables.ordersStopped')}
        </p>
      )}
      {floor.areas.map((area) => (
        <section key={area.id} className="panel floor__area" aria-labelledby={`area-${area.id}`}>
          <h2 id={`area-${area.id}`} className="section-title">
            {area.name}
          </h2>
          <ul className="floor__tables">
            {floor.tables
              .filter((x) => x.areaId === area.id)
              .map((table) => (
                <li key={table.id}>
                  <button
                    type="button"
                    className={`table-tile table-tile--${table.state}`}
                    data-testid={`table-${table.label}`}
                    data-state={table.state}
                    onClick={() => tap(table)}
                  >
                    <span className="table-tile__label">{table.label}</span>
                    <span className="table-tile__state">{t(`tables.state.${table.state}`)}</span>
                    <span className="table-tile__facts">
                      {table.session
                        ? `${t('tables.guests', { count: table.session.guests })}${table.session.waiterName ? ` · ${table.session.waiterName}` : ''}`
                        : t('tables.seats', { count: table.seats })}
                    </span>
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
      {opening && (
        <OpenTableDialog
          table={opening}
          busy={false}
          onCancel={() => setOpening(null)}
          onOpen={(guests) => {
            setOpening(null);
            void store.getState().openTable(opening.id, guests);
          }}
        />
      )}
    </div>
  );
}
