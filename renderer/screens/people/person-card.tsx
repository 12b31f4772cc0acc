import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlice } from '../../app/services.js';
import { useNow } from '../../app/use-now.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useModalFocus } from '../../components/use-modal-focus.js';
import { formatTime } from '../../i18n/format.js';
import type { PeopleNotice } from '../../stores/people-store.js';
import { usePeople } from './use-people.js';

/** One account's actions, as a modal card with large buttons: details, unlock, PIN, status, data. */
export function PersonCard({ userId }: { userId: string }) {
  const { t, i18n } = useTranslation();
  const people = usePeople();
  const person = useSlice(people, (s) => s.people?.find((p) => p.id === userId));
  const busy = useSlice(people, (s) => s.busy);
  const error = useSlice(people, (s) => s.error);
  const notice = useSlice(people, (s) => s.notice);
  const exported = useSlice(people, (s) => s.exported);
  const now = useNow();
  const id = useId();
  const [confirm, setConfirm] = useState<'deactivate' | 'anonymise' | null>(null);
  const close = () => people.getState().open(null);
  const ref = useRef<HTMLDivElement>(null);
  useModalFocus(ref, close);

  if (!person) return null;
  const api = people.getState();
  const locked = person.lockedUntil !== null && new Date(person.lockedUntil).getTime() > now;
  const editable = person.manageable && !person.anonymised;

  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className="dialog person-card"
        tabIndex={-1}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        data-testid="person-card"
      >
        <div className="person-card__head">
          <h2 id={`${id}-title`} className="section-title">
            {t('people.card.title', { name: person.displayName })}
          </h2>
          <button type="button" className="button button--secondary" onClick={close} data-testid="person-close">
            {t('people.card.close')}
          </button>
        </div>
        <ErrorAlert error={error} />
        {notice && (
          <p className="alert alert--success" role="status" data-testid="person-notice">
            {t(`people.notices.${notice.kind satisfies PeopleNotice}`, { name: notice.name })}
          </p>
        )}
        {!person.manageable && <p className="screen-hint">{t('people.card.notYours')}</p>}
        {editable && person.active && <DetailsForm userId={userId} />}
        {editable && locked && (
          <div className="person-card__row">
            <p>{t('people.card.lockedUntil', { time: formatTime(person.lockedUntil!, i18n.language) })}</p>
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              data-testid="person-unlock"
              onClick={() => void api.unlock(userId)}
            >
              {t('people.card.unlock')}
            </button>
          </div>
        )}
        {editable && person.active && <PinForm userId={userId} />}
        {editable && (
          <div className="person-card__row">
            <p>{person.active ? t('people.card.deactivateHint') : t('people.card.anonymiseHint')}</p>
            {person.active ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                data-testid="person-deactivate"
                onClick={() => setConfirm('deactivate')}
              >
                {t('people.card.deactivate')}
              </button>
            ) : (
              <div className="person-card__buttons">
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy}
                  data-testid="person-reactivate"
                  onClick={() => void api.setActive(userId, true)}
                >
                  {t('people.card.reactivate')}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy}
                  data-testid="person-anonymise"
                  onClick={() => setConfirm('anonymise')}
                >
                  {t('people.card.anonymise')}
                </button>
              </div>
            )}
          </div>
        )}
        <div className="person-card__row">
          <p>{t('people.card.dataTitle')}</p>
          <div className="person-card__buttons">
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              data-testid="person-export"
              onClick={() => void api.exportData(userId)}
            >
              {t('people.card.export')}
            </button>
            {exported && <ExportLink data={exported} userId={userId} />}
          </div>
        </div>
      </div>
      {confirm && (
        <ConfirmDialog
          testId="person-confirm"
          title={t(`people.confirm.${confirm}Title`, { name: person.displayName })}
          body={t(`people.confirm.${confirm}Body`, { name: person.displayName })}
          confirmLabel={t(`people.card.${confirm}`)}
          cancelLabel={t('common.cancel')}
          busy={busy}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null);
            void (confirm === 'deactivate' ? api.setActive(userId, false) : api.anonymise(userId));
          }}
        />
      )}
    </div>
  );
}

function ExportLink({ data, userId }: { data: unknown; userId: string }) {
  const { t } = useTranslation();
  const url = useMemo(
    () => URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' })),
    [data],
  );
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  const file = `person-${userId.slice(0, 8)}.json`;
  return (
    <a className="button button--primary" href={url} download={file} data-testid="person-download">
      {t('people.card.download', { file })}
    </a>
  );
}

function DetailsForm({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const people = usePeople();
  const person = useSlice(people, (s) => s.people?.find((p) => p.id === userId));
  const busy = useSlice(people, (s) => s.busy);
  const [name, setName] = useState(person?.displayName ?? '');
  const [locale, setLocale] = useState<'en' | 'fr'>(person?.locale ?? 'en');
  const [problem, setProblem] = useState(false);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setProblem(true);
    setProblem(false);
    void people.getState().update(userId, { displayName: name.trim(), locale });
  };
  return (
    <form className="form person-card__form" onSubmit={submit} noValidate data-testid="person-details">
      <h3 className="person-card__subtitle form__full">{t('people.card.details')}</h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('people.card.name')}</label>
        <input
          id={`${id}-name`}
          className="field__control"
          value={name}
          maxLength={80}
          autoComplete="off"
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-locale`}>{t('people.card.language')}</label>
        <select
          id={`${id}-locale`}
          className="field__control"
          value={locale}
          onChange={(e) => setLocale(e.target.value as 'en' | 'fr')}
        >
          <option value="en">{t('language.en')}</option>
          <option value="fr">{t('language.fr')}</option>
        </select>
      </div>
      {problem && (
        <p className="alert alert--error form__full" role="alert">
          {t('people.card.nameRequired')}
        </p>
      )}
      <button type="submit" className="button button--primary form__full" disabled={busy}>
        {t('people.card.save')}
      </button>
    </form>
  );
}

function PinForm({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const people = usePeople();
  const busy = useSlice(people, (s) => s.busy);
  const [pin, setPin] = useState('');
  const [mustChange, setMustChange] = useState(true);
  const [problem, setProblem] = useState(false);
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{4,8}$/.test(pin)) return setProblem(true);
    setProblem(false);
    if (await people.getState().resetPin(userId, pin, mustChange)) setPin('');
  };
  return (
    <form className="form person-card__form" onSubmit={(e) => void submit(e)} noValidate data-testid="person-pin">
      <h3 className="person-card__subtitle form__full">{t('people.card.pinTitle')}</h3>
      <div className="field">
        <label htmlFor={`${id}-pin`}>{t('people.card.newPin')}</label>
        <input
          id={`${id}-pin`}
          className="field__control"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={8}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        />
      </div>
      <label className="person-card__check" htmlFor={`${id}-must`}>
        <input
          id={`${id}-must`}
          type="checkbox"
          checked={mustChange}
          onChange={(e) => setMustChange(e.target.checked)}
        />
        <span>{t('people.card.mustChange')}</span>
      </label>
      {problem && (
        <p className="alert alert--error form__full" role="alert">
          {t('people.card.pinFormat')}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary form__full"
        disabled={busy}
        data-testid="person-pin-submit"
      >
        {t('people.card.resetPin')}
      </button>
    </form>
  );
}
