import type { ReactNode } from 'react';

/**
 * A number picked with large minus and plus buttons (wet hands: no typing, no tiny arrows).
 * The buttons stop at `min` and `max`; the value is announced politely to screen readers.
 */
export function Stepper({
  value,
  min,
  max,
  onChange,
  label,
  fewerLabel,
  moreLabel,
  testId,
}: {
  value: number;
  min: number;
  max: number;
  onChange(next: number): void;
  /** What the value reads as, e.g. "3 guests". */
  label: ReactNode;
  fewerLabel: string;
  moreLabel: string;
  /** Prefix of the test ids: `<id>-fewer`, `<id>-count`, `<id>-more`. */
  testId: string;
}) {
  return (
    <div className="stepper">
      <button
        type="button"
        className="button button--secondary stepper__button"
        aria-label={fewerLabel}
        data-testid={`${testId}-fewer`}
        disabled={value <= min}
        onClick={() => onChange(Math.max(min, value - 1))}
      >
        −
      </button>
      <output className="stepper__value" data-testid={`${testId}-count`} aria-live="polite">
        {label}
      </output>
      <button
        type="button"
        className="button button--secondary stepper__button"
        aria-label={moreLabel}
        data-testid={`${testId}-more`}
        disabled={value >= max}
        onClick={() => onChange(Math.min(max, value + 1))}
      >
        +
      </button>
    </div>
  );
}
