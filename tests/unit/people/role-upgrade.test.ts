import { describe, expect, it } from 'vitest';
import { parseRolePermissions, upgradedPermissions } from '../../../shared/domain/role-upgrade.js';
import { DEFAULT_ROLES } from '../../../shared/permissions.js';

const shipped = (code: string) => [...DEFAULT_ROLES.find((r) => r.id === code)!.permissions];

describe('upgradedPermissions', () => {
  it("appends what the code added to a built-in role and keeps the row's own order and extras", () => {
    const old = ['audit.view', 'custom.extra', ...shipped('crew').filter((p) => p !== 'compliance.fill')];
    expect(upgradedPermissions('crew', old)).toEqual([...old, 'compliance.fill']);
  });

  it('changes nothing on an up-to-date role, a custom role, or twice', () => {
    expect(upgradedPermissions('crew', shipped('crew'))).toBeNull();
    expect(upgradedPermissions('deckhand', [])).toBeNull();
    const once = upgradedPermissions('owner', ['training.take'])!;
    expect(once).toEqual(expect.arrayContaining(shipped('owner')));
    expect(upgradedPermissions('owner', once)).toBeNull();
  });

  it('reads a damaged permissions column as none, so the upgrade repairs it', () => {
    expect(parseRolePermissions('not json')).toEqual([]);
    expect(parseRolePermissions('{"a":1}')).toEqual([]);
    expect(parseRolePermissions('["a", 3, "b"]')).toEqual(['a', 'b']);
  });
});
