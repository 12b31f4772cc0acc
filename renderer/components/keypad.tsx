import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icon.js';

export interface KeypadProps {
  onDigit(digit: string): void;
  onBackspace(): void;
  onClear(): void;
  onEnter(): void;
  canEnter: boolean;
  busy: boolean;
}

const ROWS = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
];

/**
 * Big-button numeric keypad (≈96 px keys) for wet or gloved fingers. A physical keyboard works
 * too: digits, Backspace, Delete (clear) and Enter, wherever the focus is on the page.
 */
export function Keypad({ onDigit, onBackspace, onClear, onEnter, canEnter, busy }: KeypadProps) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const latest = useRef({ onDigit, onBackspace, onClear, onEnter, canEnter, busy });
  // Updated after each render, before any key can arrive, so the one listener below always
  // calls the current handlers without being re-attached on every render.
  useLayoutEffect(() => {
    latest.current = { onDigit, onBackspace, onClear, onEnter, canEnter, busy };
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
      const h = latest.current;
      if (/^\d$/.test(e.key)) {
        e.preventDefault();
        if (!h.busy) h.onDigit(e.key);
      } else if (e.key === 'Backspace') {
        e.preventDefault();
        if (!h.busy) h.onBackspace();
      } else if (e.key === 'Delete') {
        e.preventDefault();
        if (!h.busy) h.onClear();
      } else if (e.key === 'Enter') {
        // On other buttons (language, "not you?") Enter keeps its usual meaning.
        if (target?.tagName === 'BUTTON' && !root.current?.contains(target)) return;
        e.preventDefault();
        if (h.canEnter && !h.busy) h.onEnter();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="keypad" ref={root} role="group" aria-label={t('keypad.label')} data-testid="keypad">
      {ROWS.flat().map((d) => (
        <button
          key={d}
          type="button"
          className="keypad__key"
          data-testid={`key-${d}`}
          aria-label={t('keypad.digit', { digit: d })}
          disabled={busy}
          onClick={() => onDigit(d)}
        >
          {d}
        </button>
      ))}
      <button
        type="button"
        className="keypad__key keypad__key--secondary"
        data-testid="key-clear"
        aria-label={t('keypad.clearLabel')}
        disabled={busy}
        onClick={onClear}
      >
        {t('keypad.clear')}
      </button>
      <button
        type="button"
        className="keypad__key"
        data-testid="key-0"
        aria-label={t('keypad.digit', { digit: '0' })}
        disabled={busy}
        onClick={() => onDigit('0')}
      >
        0
      </button>
      <button
        type="button"
        className="keypad__key keypad__key--secondary"
        data-testid="key-backspace"
        aria-label={t('keypad.backspace')}
        disabled={busy}
        onClick={onBackspace}
      >
        <Icon name="backspace" size={40} />
      </button>
      <button
        type="button"
        className="keypad__key keypad__key--enter"
        data-testid="key-enter"
        disabled={!canEnter || busy}
        onClick={onEnter}
      >
        <Icon name="check" size={36} />
        <span>{t('keypad.enter')}</span>
      </button>
    </div>
  );
}
