import { useMemo, type ReactNode } from 'react';
import type { ErrorData } from '../../shared/errors.js';
import { useSlice } from '../app/services.js';
import { createPinEntryStore } from '../stores/pin-entry-store.js';
import { ErrorAlert } from './error-alert.js';
import { Keypad } from './keypad.js';
import { PinDots } from './pin-dots.js';

/**
 * Dots, error and keypad for one PIN attempt, shared by the sign-in and the lock screens. The
 * digits are cleared as soon as they are submitted, whatever the answer.
 */
export function PinEntry({
  onSubmit,
  busy,
  error,
  header,
  footer,
}: {
  onSubmit(pin: string): void;
  busy: boolean;
  error: ErrorData | null;
  header: ReactNode;
  footer: ReactNode;
}) {
  const entry = useMemo(() => createPinEntryStore(), []);
  const digits = useSlice(entry, (s) => s.digits);
  const actions = entry.getState();
  const submit = () => {
    if (!entry.getState().ready()) return;
    const pin = entry.getState().digits;
    actions.clear();
    onSubmit(pin);
  };
  return (
    <div className="pin-entry">
      <div className="pin-entry__side">
        {header}
        <PinDots count={digits.length} />
        <div className="pin-entry__message">
          <ErrorAlert error={error} testId="pin-error" />
        </div>
        {footer}
      </div>
      <Keypad
        onDigit={actions.press}
        onBackspace={actions.backspace}
        onClear={actions.clear}
        onEnter={submit}
        canEnter={digits.length >= 4}
        busy={busy}
      />
    </div>
  );
}
