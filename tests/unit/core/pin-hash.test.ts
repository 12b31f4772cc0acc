import { describe, expect, it } from 'vitest';
import { hashPin, PIN_KDF, verifyPin } from '../../../electron/core/auth/pin-hash.js';

describe('PIN hashing', () => {
  it('hashes with scrypt at the default cost (N=2^15, r=8, p=1) and verifies the right PIN', async () => {
    expect(PIN_KDF).toEqual({ N: 32768, r: 8, p: 1, keyLength: 32 });
    const stored = await hashPin('4821');
    const [scheme, N, r, p, salt, key] = stored.split('$');
    expect([scheme, N, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt, 'base64').length).toBe(16);
    expect(Buffer.from(key, 'base64').length).toBe(32);
    expect(stored).not.toContain('4821');
    expect(await verifyPin('4821', stored)).toBe(true);
  });

  it('rejects a wrong PIN, including one a digit off or with more digits', async () => {
    const stored = await hashPin('4821');
    for (const wrong of ['4820', '1284', '48210', '482', '']) expect(await verifyPin(wrong, stored), wrong).toBe(false);
  });

  it('salts every hash, so the same PIN never gives the same string', async () => {
    const cheap = { N: 1024, r: 8, p: 1, keyLength: 32 } as const;
    const a = await hashPin('1111', cheap);
    const b = await hashPin('1111', cheap);
    expect(a).not.toBe(b);
    expect(await verifyPin('1111', a)).toBe(true);
    expect(await verifyPin('1111', b)).toBe(true);
  });

  it('reads the cost from the stored string, so a raised default keeps old hashes working', async () => {
    const old = await hashPin('2468', { N: 1024, r: 8, p: 1, keyLength: 32 });
    expect(old.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPin('2468', old)).toBe(true);
  });

  it('never accepts a stored value that is not a scrypt hash', async () => {
    for (const stored of ['2468', '', 'bcrypt$10$abc', 'scrypt$1024$8$1$c2FsdA=='])
      expect(await verifyPin('2468', stored), stored).toBe(false);
  });

  it('never accepts any PIN against a hash whose key is empty or too short', async () => {
    const salt = Buffer.alloc(16, 7).toString('base64');
    expect(await verifyPin('0000', `scrypt$1024$8$1$${salt}$=`)).toBe(false);
    expect(await verifyPin('0000', `scrypt$1024$8$1$${salt}$AA==`)).toBe(false);
  });
});
