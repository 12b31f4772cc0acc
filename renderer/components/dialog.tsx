import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { useModalFocus } from './use-modal-focus.js';

export interface DialogProps {
  /** The heading; leave it out when the body draws its own and pass `labelId` instead. */
  title?: ReactNode;
  /** The id of a heading the body draws itself (the PIN approval puts it above its keypad). */
  labelId?: string;
  /** Large buttons at the foot of the dialog. */
  actions?: ReactNode;
  /** What takes focus on open, when it should not be the first control (a safe Cancel, say). */
  focusRef?: RefObject<HTMLElement | null>;
  /** Extra class names on the panel, e.g. `dialog--wide`. */
  className?: string;
  testId?: string;
  onClose(): void;
  children?: ReactNode;
}

/**
 * The one modal shell of the kiosk: a backdrop, a labelled panel, focus kept inside it for the
 * keyboard (Tab cycles, Escape closes, focus returns to what opened it) and a row of large actions.
 *
 * @example
 * <Dialog title={t('tables.moveTitle')} onClose={onCancel} focusRef={cancelRef} actions={<button …/>}>
 *   …
 * </Dialog>
 */
export function Dialog({ title, labelId, actions, focusRef, className, testId, onClose, children }: DialogProps) {
  const ownId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useModalFocus(panel, onClose);
  // After useModalFocus has put focus on the first control: move it where the caller asked.
  useEffect(() => focusRef?.current?.focus(), [focusRef]);
  return (
    <div className="dialog-backdrop">
      <div
        ref={panel}
        className={className ? `dialog ${className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelId ?? ownId}
        tabIndex={-1}
        data-testid={testId}
      >
        {title !== undefined && (
          <h2 id={ownId} className="section-title">
            {title}
          </h2>
        )}
        {children}
        {actions && <div className="dialog__actions">{actions}</div>}
      </div>
    </div>
  );
}
