import { useTranslation } from 'react-i18next';
import { PIN_MIN_DIGITS } from '../stores/pin-entry-store.js';

/** One filled dot per digit typed, never the digits; empty rings up to the shortest PIN. */
export function PinDots({ count }: { count: number }) {
  const { t } = useTranslation();
  const slots = Math.max(PIN_MIN_DIGITS, count);
  return (
    <div
      className="pin-dots"
      data-testid="pin-dots"
      data-count={count}
      role="status"
      aria-live="polite"
      aria-label={t('pin.digitsEntered', { count })}
    >
      {Array.from({ length: slots }, (_, i) => (
        <span
          key={i}
          className={i < count ? 'pin-dots__dot pin-dots__dot--filled' : 'pin-dots__dot'}
          aria-hidden="true"
        />
      ))}
    </div>
  );
}
