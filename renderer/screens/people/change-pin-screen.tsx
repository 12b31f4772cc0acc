import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../../shared/errors.js';
import { useServices } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';

/**
 * Shown instead of home after an administrator reset this person's PIN to a temporary one: the
 * person chooses their own before anything else. The kiosk refuses a PIN used before or in use.
 */
export function ChangePinScreen() {
  const { t } = useTranslation();
  const { api, session } = useServices();
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const digits = (v: string) => v.replace(/\D/g, '').slice(0, 8);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{4,8}$/.test(pin)) return setProblem('people.card.pinFormat');
    if (pin !== again) return setProblem('people.changePin.mismatch');
    setProblem(null);
    setBusy(true);
    const r = await api.call('people.changeOwnPin', { pin });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    // Reads the session again: it no longer asks for a new PIN, so home opens.
    await session.getState().start();
  };

  return (
    <main id="main" className="screen" data-testid="change-pin">
      <h1 className="screen-title">{t('people.changePin.title')}</h1>
      <p className="screen-hint">{t('people.changePin.explain')}</p>
      <ErrorAlert error={error} />
      <form className="form panel" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-pin`}>{t('people.changePin.pin')}</label>
          <input
            id={`${id}-pin`}
            className="field__control"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={pin}
            onChange={(e) => setPin(digits(e.target.value))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-again`}>{t('people.changePin.again')}</label>
          <input
            id={`${id}-again`}
            className="field__control"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={again}
            onChange={(e) => setAgain(digits(e.target.value))}
          />
        </div>
        {problem && (
          <p className="alert alert--error form__full" role="alert">
            {t(problem)}
          </p>
        )}
        <button
          type="submit"
          className="button button--primary form__full"
          disabled={busy}
          data-testid="change-pin-submit"
        >
          {t('people.changePin.save')}
        </button>
      </form>
    </main>
  );
}
