import { useTranslation } from 'react-i18next';
import type { ConflictList } from '../stores/conflicts-store.js';
import { formatDateTime } from '../i18n/format.js';

type Conflict = ConflictList['conflicts'][number];
type Change = NonNullable<Conflict['lost']>['changes'][number];

export interface LostEditCardProps {
  conflict: Conflict & { lost: NonNullable<Conflict['lost']> };
  canResolve: boolean;
  busy: boolean;
  onResolve(id: string): void;
  onUseMine(id: string): void;
}

/**
 * One edit that lost to a later one, in words: for each field, the record's name, the field's
 * label, the value kept and the value set aside, who changed them, when and on which kiosk.
 */
export function LostEditCard({ conflict, canResolve, busy, onResolve, onUseMine }: LostEditCardProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { lost } = conflict;
  const known = (key: string) => i18n.exists(key);
  const recordLabel = (c: Change) =>
    c.recordName ?? t(known(`conflicts.table.${c.table}`) ? `conflicts.table.${c.table}` : 'conflicts.table.other');
  const fieldLabel = (c: Change) =>
    known(`conflicts.field.${c.table}.${c.field}`)
      ? t(`conflicts.field.${c.table}.${c.field}`)
      : t('conflicts.field.other', { field: c.field });
  const value = (c: Change, v: string | null) =>
    c.secret ? t('conflicts.hidden') : v === null || v === '' ? t('conflicts.empty') : v;
  const device = (name: string | null) => name ?? t('conflicts.unknownDevice');

  return (
    <li className="conflicts__item conflict-card" data-testid="conflict-item" data-conflict-kind="lost-edit">
      <div className="conflict-card__body">
        <strong>{t('conflicts.lostTitle')}</strong>
        {lost.changes.map((c) => (
          <div
            key={`${c.table}:${c.field}:${c.recordName ?? ''}`}
            className="conflict-card__change"
            data-testid="conflict-change"
          >
            <h3 className="conflict-card__what">
              {t('conflicts.recordField', { record: recordLabel(c), field: fieldLabel(c) })}
            </h3>
            <dl className="conflict-card__values">
              <div data-testid="conflict-kept">
                <dt>{t('conflicts.kept')}</dt>
                <dd>
                  <span className="conflict-card__value">{value(c, c.kept)}</span>
                  <span className="screen-hint">
                    {t('conflicts.keptWhere', {
                      when: formatDateTime(c.keptAt, lang),
                      device: device(c.keptDeviceName),
                    })}
                  </span>
                </dd>
              </div>
              <div data-testid="conflict-mine">
                <dt>{t('conflicts.mine')}</dt>
                <dd>
                  <span className="conflict-card__value">{value(c, c.mine)}</span>
                  <span className="screen-hint">
                    {t('conflicts.mineWhere', {
                      when: formatDateTime(lost.madeAt, lang),
                      person: conflict.personName ?? t('conflicts.unknownPerson'),
                      device: device(lost.deviceName),
                    })}
                  </span>
                </dd>
              </div>
            </dl>
          </div>
        ))}
        <p className="screen-hint">{t('conflicts.explain')}</p>
      </div>
      {canResolve && (
        <div className="conflict-card__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => onUseMine(conflict.id)}
            data-testid="conflict-use-mine"
          >
            {t('conflicts.useMine')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => onResolve(conflict.id)}
            data-testid="conflict-resolve"
          >
            {t('sync.markResolved')}
          </button>
        </div>
      )}
    </li>
  );
}
