import { useTranslation } from 'react-i18next';
import { formatTime } from '../../i18n/format.js';
import type { ModuleDetail } from '../../stores/training-store.js';
import { pick } from './rich-text.js';

export interface AssessmentReadyProps {
  mod: ModuleDetail;
  busy: boolean;
  onStart(): void;
}

/**
 * The last step of a module: what the assessment is, and the button that opens it. Whenever the
 * button is disabled, a line next to it says why (unread sections, prerequisites, attempts), so a
 * trainee is never left in front of a grey button.
 */
export function AssessmentReady({ mod, busy, onStart }: AssessmentReadyProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const unread = mod.sections.filter((x) => !x.completed);
  const blocked = mod.missingPrerequisites.length > 0;
  return (
    <section className="panel ready" data-testid="assessment-ready">
      <p>{t('training.readyForTest', { count: mod.questionCount, pass: mod.passThreshold })}</p>
      {mod.attempts.max > 0 && (
        <p className="screen-hint">{t('training.attemptsLeft', { count: mod.attempts.used, max: mod.attempts.max })}</p>
      )}
      {unread.length > 0 && (
        <p className="alert alert--info" id="assessment-why" data-testid="unread-sections">
          {t('training.unreadSections', {
            count: unread.length,
            titles: unread.map((x) => pick(x.title, lang)).join(', '),
          })}
        </p>
      )}
      {mod.attempts.reason === 'cooldown' && mod.attempts.opensAt && (
        <p className="alert alert--info">{t('training.cooldown', { time: formatTime(mod.attempts.opensAt, lang) })}</p>
      )}
      {mod.attempts.reason === 'max_attempts' && <p className="alert alert--info">{t('training.noAttemptsLeft')}</p>}
      {blocked && (
        <p className="alert alert--info">{t('training.needsFirst', { codes: mod.missingPrerequisites.join(', ') })}</p>
      )}
      <button
        type="button"
        className="button button--primary button--wide"
        data-testid="start-assessment"
        aria-describedby={unread.length > 0 ? 'assessment-why' : undefined}
        disabled={unread.length > 0 || !mod.attempts.allowed || blocked || busy}
        onClick={onStart}
      >
        {t('training.startAssessment')}
      </button>
    </section>
  );
}
