import { useTranslation } from 'react-i18next';
import type { ConflictList } from '../stores/conflicts-store.js';
import { formatAgo, formatDateTime } from '../i18n/format.js';
import { LostEditCard } from './lost-edit-card.js';

export interface ConflictListProps {
  list: ConflictList;
  canResolve: boolean;
  resolving: string | null;
  onResolve(id: string): void;
  /** "Use mine instead" on an edit that lost to a later one. */
  onUseMine?(id: string): void;
  /** The kiosk's clock (ms) "queued 5 minutes ago" counts from; the display's when absent. */
  now?: number;
}

const REASONS = [
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'VALIDATION_FAILED',
  'UNKNOWN_MUTATION',
  'NOT_FOUND',
  'CONFLICT',
  'ID_UNAVAILABLE',
  'OUT_OF_SCOPE',
  'OVERWRITTEN',
  'SEAT_TAKEN',
  'INTERNAL',
];
/** The translation key explaining a refusal code; the server's own words stay as detail. */
const reasonKey = (code: string | null | undefined) => `sync.reason.${code && REASONS.includes(code) ? code : 'other'}`;
/** The change in words, by its mutation's name; an unknown one is "a change". */
const changeKey = (i18n: { exists(key: string): boolean }, mutation: string) => {
  const key = `conflicts.change.${mutation.replace(/\./g, '_')}`;
  return i18n.exists(key) ? key : 'conflicts.change.other';
};
/** A dead letter's error is stored as "CODE: message". */
const splitError = (error: string | null) => {
  const m = /^([A-Z_]+): ([\s\S]*)$/.exec(error ?? '');
  return m ? { code: m[1], message: m[2] } : { code: null, message: error ?? '' };
};

/** Refused, overwritten and dead-lettered changes, each with its reason and a large "dealt with" button. */
export function ConflictListView({ list, canResolve, resolving, onResolve, onUseMine, now }: ConflictListProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <section aria-labelledby="conflicts-title" className="conflicts" data-testid="conflict-list">
      <h2 id="conflicts-title" className="screen-subtitle">
        {t('sync.conflictsTitle')}
      </h2>
      {list.conflicts.length === 0 && <p className="screen-hint">{t('sync.noConflicts')}</p>}
      <ul className="conflicts__list">
        {list.conflicts.map((c) =>
          c.lost ? (
            <LostEditCard
              key={c.id}
              conflict={{ ...c, lost: c.lost }}
              canResolve={canResolve}
              busy={resolving === c.id}
              onResolve={onResolve}
              onUseMine={(id) => onUseMine?.(id)}
            />
          ) : (
            <li key={c.id} className="conflicts__item" data-testid="conflict-item">
              <div>
                <strong>{t(`sync.kind_${c.kind}`)}</strong> · {t(changeKey(i18n, c.mutation))}
                <p data-testid="conflict-reason">{t(reasonKey(c.code))}</p>
                {c.message && <p className="screen-hint">{t('sync.serverSaid', { message: c.message })}</p>}
                <p className="screen-hint">
                  {c.personName ? `${t('sync.byPerson', { name: c.personName })} · ` : ''}
                  {formatDateTime(c.createdAt, lang)}
                </p>
              </div>
              {canResolve && (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={resolving === c.id}
                  onClick={() => onResolve(c.id)}
                  data-testid="conflict-resolve"
                >
                  {t('sync.markResolved')}
                </button>
              )}
            </li>
          ),
        )}
      </ul>
      {list.deadLetters.length > 0 && (
        <>
          <h2 className="screen-subtitle">{t('sync.deadLettersTitle')}</h2>
          <ul className="conflicts__list">
            {list.deadLetters.map((d) => (
              <li key={d.seq} className="conflicts__item" data-testid="dead-letter-item">
                <div>
                  {t(changeKey(i18n, d.mutation))} ·{' '}
                  {t(`sync.kind_${d.status === 'dead' ? 'dead_letter' : 'rejected'}`)}
                  <p>{t(reasonKey(d.status === 'dead' ? 'INTERNAL' : splitError(d.error).code))}</p>
                  {d.error && (
                    <p className="screen-hint">{t('sync.serverSaid', { message: splitError(d.error).message })}</p>
                  )}
                  <p className="screen-hint">
                    {t('sync.queuedAt', { when: formatAgo(d.queuedAt, lang, now) ?? d.queuedAt })}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
