import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * PINs are stored as scrypt hashes, `scrypt$N$r$p$salt$hash`, with the cost in the string so it can
 * be raised later without breaking existing hashes. N=2^15, r=8 (32 MiB, about 100 ms here): a
 * stolen database costs an attacker real time per guess, while the 5-attempt lockout protects
 * the PIN pad itself.
 */
export const PIN_KDF = Object.freeze({ N: 1 << 15, r: 8, p: 1, keyLength: 32 });

const scryptAsync = (pin: string, salt: Buffer, keyLength: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(pin, salt, keyLength, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );

const maxmem = (N: number, r: number) => 256 * N * r;

/** Costs this code ever writes or accepts: N a power of two up to 2^17, r up to 16, p up to 4. */
export function isSaneCost(N: number, r: number, p: number): boolean {
  return (
    Number.isInteger(N) &&
    N >= 1024 &&
    N <= 1 << 17 &&
    (N & (N - 1)) === 0 &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= 16 &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= 4
  );
}

export async function hashPin(pin: string, cost = PIN_KDF): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(pin, salt, cost.keyLength, {
    N: cost.N,
    r: cost.r,
    p: cost.p,
    maxmem: maxmem(cost.N, cost.r),
  });
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  // An empty key would compare equal to any PIN's empty key; a short one is guessable.
  if (expected.length < 16 || expected.length > 64) return false;
  // A hash is synced data: a forged cost must not make a sign-in allocate gigabytes or fail oddly.
  if (!isSaneCost(N, r, p)) return false;
  const key = await scryptAsync(pin, salt, expected.length, { N, r, p, maxmem: maxmem(N, r) });
  return timingSafeEqual(key, expected);
}
