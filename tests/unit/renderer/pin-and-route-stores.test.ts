import { describe, expect, it } from 'vitest';
import { PIN_MAX_DIGITS, createPinEntryStore } from '../../../renderer/stores/pin-entry-store.js';
import { createRouteStore, parseRoute, routeHash, type HashLocation } from '../../../renderer/stores/route-store.js';

describe('PIN entry', () => {
  it('takes digits only, up to the longest PIN, and is ready from four', () => {
    const pin = createPinEntryStore();
    for (const d of '12a3') pin.getState().press(d);
    expect(pin.getState().digits).toBe('123');
    expect(pin.getState().ready()).toBe(false);
    pin.getState().press('4');
    expect(pin.getState().ready()).toBe(true);
    for (let i = 0; i < 10; i++) pin.getState().press('9');
    expect(pin.getState().digits).toHaveLength(PIN_MAX_DIGITS);
    pin.getState().backspace();
    expect(pin.getState().digits).toBe('1234999');
    pin.getState().clear();
    expect(pin.getState().digits).toBe('');
    pin.getState().backspace();
    expect(pin.getState().digits).toBe('');
  });
});

describe('routes', () => {
  it('parse and print the hash', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/')).toEqual({ name: 'home' });
    expect(parseRoute('#/area/audit')).toEqual({ name: 'area', area: 'audit' });
    expect(parseRoute('#/area/../../x')).toEqual({ name: 'home' });
    expect(routeHash({ name: 'area', area: 'sync' })).toBe('#/area/sync');
    expect(routeHash({ name: 'home' })).toBe('#/');
  });

  it('follow the location and write to it', () => {
    let hash = '#/area/admin';
    let onChange = () => {};
    const location: HashLocation = {
      get: () => hash,
      set: (h) => void (hash = h),
      listen: (fn) => ((onChange = fn), () => {}),
    };
    const store = createRouteStore(location);
    expect(store.getState().route).toEqual({ name: 'area', area: 'admin' });
    store.getState().go({ name: 'home' });
    expect(hash).toBe('#/');
    hash = '#/area/sync';
    onChange();
    expect(store.getState().route).toEqual({ name: 'area', area: 'sync' });
  });
});
