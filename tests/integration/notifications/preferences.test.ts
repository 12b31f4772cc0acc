import { describe, expect, it } from 'vitest';
import { call, codeOf, demoPerson, makeKiosk, signIn } from '../../helpers/kiosk.js';
import { ok } from '../incidents/world.js';

const NIGHT = {
  channels: ['kiosk', 'email'],
  email: 'emma@example.com',
  quietStart: '22:00',
  quietEnd: '06:00',
  digest: true,
};

describe('notification preferences and on-call', () => {
  it("keep a person's channels, quiet hours and digest, refusing half a quiet window by naming the field", async () => {
    const { kiosk } = await makeKiosk();
    const emma = await signIn(kiosk, 'staff');
    expect(await ok(call(kiosk, 'notifications.preferences', {}, emma))).toEqual({
      channels: ['kiosk'],
      email: null,
      quietStart: null,
      quietEnd: null,
      digest: false,
    });
    await ok(call(kiosk, 'notifications.setPreferences', NIGHT, emma));
    expect(await ok(call(kiosk, 'notifications.preferences', {}, emma))).toEqual(NIGHT);

    const half = await call(kiosk, 'notifications.setPreferences', { ...NIGHT, quietEnd: null }, emma);
    expect(codeOf(half)).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(!half.ok && half.error.details)).toContain('quietEnd');
    const badTime = await call(kiosk, 'notifications.setPreferences', { ...NIGHT, quietStart: '25:00' }, emma);
    expect(codeOf(badTime)).toBe('VALIDATION_FAILED');
    // Nothing changed by the refused calls.
    expect(await ok(call(kiosk, 'notifications.preferences', {}, emma))).toEqual(NIGHT);
  });

  it('let only a settings manager name who is on call, and only someone holding that role', async () => {
    const { kiosk } = await makeKiosk();
    const lucas = demoPerson('chef');
    const staff = await signIn(kiosk, 'staff');
    expect(codeOf(await call(kiosk, 'notifications.setOnCall', { role: 'chef', userId: lucas.id }, staff))).toBe(
      'FORBIDDEN',
    );
    const admin = await signIn(kiosk, 'admin');
    const wrongRole = await call(kiosk, 'notifications.setOnCall', { role: 'manager', userId: lucas.id }, admin);
    expect(codeOf(wrongRole)).toBe('VALIDATION_FAILED');
    await ok(call(kiosk, 'notifications.setOnCall', { role: 'chef', userId: lucas.id }, admin));
    await ok(call(kiosk, 'notifications.setOnCall', { role: 'chef', userId: null }, admin));
    const rows = kiosk.store.raw.prepare('SELECT role_code, user_id FROM notification_on_call').all();
    expect(rows).toEqual([{ role_code: 'chef', user_id: null }]);
  });
});
