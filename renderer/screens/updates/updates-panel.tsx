import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/api/contract.js';
import type { ErrorData } from '../../../shared/errors.js';
import { RELEASE_VERSION, UPDATE_RINGS, type UpdatePolicy } from '../../../shared/updates/policy.js';
import { useServices } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import '../../styles/updates.css';

type Loaded = MethodOutput<'updates.policy'>;

/** A kept version that is not one the feed could name (empty is fine: follow the ring). */
const versionWrong = (typed: string) => typed.trim() !== '' && !RELEASE_VERSION.test(typed.trim());
/** The share typed, 0-100, or null when it is not one. */
function percentOf(typed: string): number | null {
  const t = typed.trim();
  const n = /^\d{1,3}$/.test(t) ? Number(t) : NaN;
  return n >= 0 && n <= 100 ? n : null;
}

/**
 * The site's staged updates on the admin screen: which ring it follows, the share of its kiosks
 * that take a new version now, a version to stay on or go back to, the install window, and which
 * versions its kiosks run. Saved as one change that every kiosk of the site follows.
 */
export function UpdatesPanel() {
  const { t } = useTranslation();
  const { api } = useServices();
  const id = useId();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<UpdatePolicy | null>(null);
  const [pinned, setPinned] = useState('');
  const [error, setError] = useState<ErrorData | null>(null);
  const [saving, setSaving] = useState(false);
  // The share as typed: an empty or half-typed field is not 0 %.
  const [percentText, setPercentText] = useState('');
  // What the fields held at the last save, and at the last refused try: the notice and the field
  // messages show while the fields still hold that, and go as soon as one is edited.
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const [tried, setTried] = useState<{ pinned: string; percentText: string } | null>(null);

  useEffect(() => {
    void api.call('updates.policy', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setLoaded(r.value);
      setDraft(r.value.policy);
      setPinned(r.value.policy.pinnedVersion ?? '');
      setPercentText(String(r.value.policy.percent));
    });
  }, [api]);

  const change = (patch: Partial<UpdatePolicy>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const formKey = JSON.stringify([draft, pinned, percentText]);
  const saved = savedAs === formKey;
  const badVersion = tried?.pinned === pinned && versionWrong(pinned);
  const badPercent = tried?.percentText === percentText && percentOf(percentText) === null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    const percent = percentOf(percentText);
    if (versionWrong(pinned) || percent === null) return setTried({ pinned, percentText });
    setTried(null);
    setSaving(true);
    const policy = { ...draft, percent, pinnedVersion: pinned.trim() || null };
    const r = await api.call('updates.setPolicy', policy);
    setSaving(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setDraft(policy);
    setSavedAs(JSON.stringify([policy, pinned, percentText]));
    setLoaded((l) => (l ? { ...l, policy } : l));
  };

  return (
    <section className="panel updates" aria-labelledby={`${id}-title`} data-testid="updates-panel">
      <h2 id={`${id}-title`} className="section-title">
        {t('updates.title')}
      </h2>
      <p className="screen-hint">{t('updates.explain')}</p>
      {loaded && (
        <div className="updates__versions" data-testid="updates-versions">
          <h3 className="updates__subtitle">{t('updates.running')}</h3>
          {loaded.versions.length === 0 && <p className="screen-hint">{t('updates.noReports')}</p>}
          <ul className="updates__chips">
            {loaded.versions.map((v) => (
              <li key={v.version} className="updates__chip" data-testid="updates-version">
                <strong>{v.version}</strong> {t('updates.kiosks', { count: v.count })}
                {v.version === loaded.current && <span className="updates__here"> · {t('updates.thisKiosk')}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {draft && (
        <form className="form updates__form" onSubmit={(e) => void submit(e)} noValidate data-testid="updates-form">
          <fieldset className="updates__rings">
            <legend>{t('updates.ring')}</legend>
            {UPDATE_RINGS.map((ring) => (
              <label key={ring} className={`updates__ring${draft.ring === ring ? ' updates__ring--on' : ''}`}>
                <input
                  type="radio"
                  name={`${id}-ring`}
                  value={ring}
                  checked={draft.ring === ring}
                  onChange={() => change({ ring })}
                  data-testid={`updates-ring-${ring}`}
                />
                <span className="updates__ring-name">{t(`updates.rings.${ring}.name`)}</span>
                <span className="updates__ring-hint">{t(`updates.rings.${ring}.hint`)}</span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-percent`}>{t('updates.percent')}</label>
            <p id={`${id}-percent-hint`} className="field__hint field__hint--above">
              {t('updates.percentHint')}
            </p>
            <div className="updates__percent">
              <input
                id={`${id}-percent`}
                className="field__control"
                type="text"
                inputMode="numeric"
                maxLength={3}
                value={percentText}
                aria-describedby={`${id}-percent-hint`}
                aria-invalid={badPercent}
                onChange={(e) => setPercentText(e.target.value)}
                data-testid="updates-percent"
              />
              <span aria-hidden="true">%</span>
              {[10, 50, 100].map((p) => (
                <button
                  key={p}
                  type="button"
                  className={`button${percentText === String(p) ? ' button--primary' : ''}`}
                  onClick={() => setPercentText(String(p))}
                  data-testid={`updates-percent-${p}`}
                >
                  {p} %
                </button>
              ))}
            </div>
            {badPercent && (
              <p className="alert alert--error" role="alert" data-testid="updates-bad-percent">
                {t('updates.badPercent')}
              </p>
            )}
          </div>
          <div className="updates__window">
            <label className="field">
              <span>{t('updates.windowStart')}</span>
              <input
                className="field__control"
                type="time"
                value={draft.windowStart}
                onChange={(e) => change({ windowStart: e.target.value })}
                data-testid="updates-window-start"
              />
            </label>
            <label className="field">
              <span>{t('updates.windowEnd')}</span>
              <input
                className="field__control"
                type="time"
                value={draft.windowEnd}
                onChange={(e) => change({ windowEnd: e.target.value })}
                data-testid="updates-window-end"
              />
            </label>
          </div>
          <div className="field">
            <label htmlFor={`${id}-pinned`}>{t('updates.pinned')}</label>
            <p id={`${id}-pinned-hint`} className="field__hint field__hint--above">
              {t('updates.pinnedHint')}
            </p>
            <input
              id={`${id}-pinned`}
              className="field__control"
              value={pinned}
              maxLength={40}
              autoComplete="off"
              spellCheck={false}
              placeholder="1.4.0"
              aria-describedby={`${id}-pinned-hint`}
              aria-invalid={badVersion}
              onChange={(e) => setPinned(e.target.value)}
              data-testid="updates-pinned"
            />
            {badVersion && (
              <p className="alert alert--error" role="alert" data-testid="updates-bad-version">
                {t('updates.badVersion')}
              </p>
            )}
            {loaded && loaded.versions.length > 0 && (
              <div className="updates__chips">
                {loaded.versions.map((v) => (
                  <button
                    key={v.version}
                    type="button"
                    className="button"
                    onClick={() => setPinned(v.version)}
                    data-testid="updates-pin-version"
                  >
                    {t('updates.stayOn', { version: v.version })}
                  </button>
                ))}
                {pinned && (
                  <button type="button" className="button" onClick={() => setPinned('')} data-testid="updates-unpin">
                    {t('updates.followRing')}
                  </button>
                )}
              </div>
            )}
          </div>
          <ErrorAlert error={error} testId="updates-error" />
          {saved && (
            <p className="alert alert--success form__full" role="status" data-testid="updates-saved">
              {draft.pinnedVersion
                ? t('updates.savedPinned', { version: draft.pinnedVersion })
                : t('updates.saved', { percent: draft.percent, ring: t(`updates.rings.${draft.ring}.name`) })}
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={saving} data-testid="updates-save">
            {saving ? t('common.loading') : t('updates.save')}
          </button>
        </form>
      )}
      {!draft && !error && <p className="screen-hint">{t('common.loading')}</p>}
      {!draft && <ErrorAlert error={error} testId="updates-error" />}
    </section>
  );
}
