import { validate, version } from 'uuid';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { derivedId, newId, roleId, SHIFTDECK_NAMESPACE } from '../../../shared/ids.js';

describe('derived ids', () => {
  it('gives the same id for the same natural key, on every replica', () => {
    const a = derivedId('user_role', 'u-1', 's-1');
    expect(derivedId('user_role', 'u-1', 's-1')).toBe(a);
    expect(validate(a) && version(a)).toBe(5);
    // Pinned: if the namespace or the encoding changed, replicas would stop merging.
    expect(SHIFTDECK_NAMESPACE).toBe('6f1c3f0e-2b7a-4c55-9a43-5d0f0b8f4e21');
    expect(roleId('admin')).toBe(derivedId('role', 'admin'));
    expect(roleId('admin')).toBe('4898d110-b897-5917-bd28-a32c78f2dd5e');
    expect(derivedId('user_role', 'u-1', 's-1')).toBe('4a27e2eb-f058-5d77-8966-8d10c9792b77');
  });

  it('gives distinct ids for distinct keys', () => {
    const ids = [
      derivedId('user_role', 'u-1', 's-1'),
      derivedId('user_role', 'u-1', 's-2'),
      derivedId('user_role', 's-1', 'u-1'),
      derivedId('class', 'u-1', 's-1'),
      derivedId('user_role', 'u-1'),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps keys apart even when a part contains the separator', () => {
    expect(derivedId('class', 'a|b', 'c')).not.toBe(derivedId('class', 'a', 'b|c'));
    expect(derivedId('class|a', 'b')).not.toBe(derivedId('class', 'a|b'));
    expect(derivedId('class', 'a\\', 'b')).not.toBe(derivedId('class', 'a', '\\b'));
  });
});

describe('new ids', () => {
  afterEach(() => vi.useRealTimers());

  it('are UUIDv7', () => {
    const id = newId();
    expect(validate(id)).toBe(true);
    expect(version(id)).toBe(7);
  });

  it('sort in the order they were made, within one millisecond too', () => {
    const ids = Array.from({ length: 2000 }, () => newId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carry the time they were made in their first 48 bits', () => {
    vi.useFakeTimers();
    const t = Date.parse('2030-01-01T00:00:00Z');
    vi.setSystemTime(t);
    const a = newId();
    vi.setSystemTime(t + 1);
    const b = newId();
    expect(parseInt(a.replace(/-/g, '').slice(0, 12), 16)).toBe(t);
    expect(parseInt(b.replace(/-/g, '').slice(0, 12), 16)).toBe(t + 1);
    expect(a < b).toBe(true);
  });
});
