import type { ReactNode } from 'react';

/**
 * A row of large toggle buttons choosing one of a few options (a period, a grain, a payment
 * method): a tap for a wet hand, each button `aria-pressed`, and no hover-only state.
 *
 * @example <Chooser label={t('sales.periodLabel')} options={['today', 'week']} value={p} onChange={setP}
 *   text={(p) => t(`sales.period.${p}`)} testId={(p) => `sales-${p}`} />
 */
export function Chooser<T extends string>(props: {
  label: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  text: (value: T) => ReactNode;
  testId: (value: T) => string;
  /** Shows the label before the buttons as well as naming the group. */
  showLabel?: boolean;
}) {
  return (
    <div className="chooser" role="group" aria-label={props.label}>
      {props.showLabel && <span className="chooser__label">{props.label}</span>}
      {props.options.map((o) => (
        <button
          key={o}
          type="button"
          className="chooser__option"
          aria-pressed={o === props.value}
          data-testid={props.testId(o)}
          onClick={() => props.onChange(o)}
        >
          {props.text(o)}
        </button>
      ))}
    </div>
  );
}
