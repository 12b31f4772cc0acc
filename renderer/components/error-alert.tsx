import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../shared/errors.js';
import { describeError } from '../i18n/describe-error.js';

/** An error as a person reads it: translated from its code, announced to screen readers. */
export function ErrorAlert({ error, testId = 'screen-error' }: { error: ErrorData | null; testId?: string }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  return (
    <p className="alert alert--error" role="alert" data-testid={testId} data-code={error.code}>
      {describeError(t, i18n.language, error)}
    </p>
  );
}
