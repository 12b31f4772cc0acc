import { createStore } from 'zustand/vanilla';

export const PIN_MIN_DIGITS = 4;
export const PIN_MAX_DIGITS = 8;

export interface PinEntryState {
  digits: string;
  press(digit: string): void;
  backspace(): void;
  clear(): void;
  /** True when enough digits were typed to try them. */
  ready(): boolean;
}

/** The digits typed on the keypad so far; cleared after every attempt so a PIN never lingers. */
export function createPinEntryStore() {
  return createStore<PinEntryState>()((set, get) => ({
    digits: '',
    press(digit) {
      if (!/^\d$/.test(digit) || get().digits.length >= PIN_MAX_DIGITS) return;
      set({ digits: get().digits + digit });
    },
    backspace() {
      set({ digits: get().digits.slice(0, -1) });
    },
    clear() {
      set({ digits: '' });
    },
    ready: () => get().digits.length >= PIN_MIN_DIGITS,
  }));
}

export type PinEntryStore = ReturnType<typeof createPinEntryStore>;
