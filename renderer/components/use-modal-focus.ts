import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Makes an element behave as a modal dialog for the keyboard: it takes focus when it opens, Tab
 * and Shift+Tab cycle inside it instead of wandering behind it, Escape closes it, and focus goes
 * back to what opened it.
 *
 * @example
 * const ref = useRef<HTMLDivElement>(null);
 * useModalFocus(ref, onClose);
 * return <div ref={ref} role="dialog" aria-modal="true" tabIndex={-1}>…</div>;
 */
export function useModalFocus(ref: RefObject<HTMLElement | null>, onClose: () => void) {
  // The latest onClose without re-running the effect: a re-render must not move focus.
  const close = useRef(onClose);
  useLayoutEffect(() => {
    close.current = onClose;
  }, [onClose]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const inside = () => [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
    (inside()[0] ?? dialog).focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = inside();
      if (!items.length) {
        e.preventDefault();
        return;
      }
      const first = items[0];
      const last = items[items.length - 1];
      const active = document.activeElement;
      if (e.shiftKey && (active === first || !dialog.contains(active))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (active === last || !dialog.contains(active))) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (opener?.isConnected) opener.focus();
    };
  }, [ref]);
}
