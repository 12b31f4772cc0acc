/**
 * A short two-tone alarm through Web Audio (no file to ship); silent where audio is unavailable,
 * and under browser automation (`navigator.webdriver`), so test runs stay quiet: screens show
 * whether the alarm is on with a `data-sounding` attribute instead.
 */
export function beep(): void {
  if (typeof navigator !== 'undefined' && navigator.webdriver) return;
  try {
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    osc.frequency.setValueAtTime(880, ctx.currentTime);
    osc.frequency.setValueAtTime(660, ctx.currentTime + 0.25);
    osc.connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.5);
    osc.onended = () => void ctx.close();
  } catch {
    // No audio device: the alert still shows.
  }
}

/** How often an unanswered alarm sounds again. */
export const ALARM_REPEAT_MS = 30_000;
