import { DEFAULT_ROLES } from '../permissions.js';

/**
 * Built-in roles grow with the code: a permission added to a role of `DEFAULT_ROLES` after a
 * database was created must reach that database's role row, or nobody holding the role can use
 * the new area. The upgrade only adds (an administrator's extra permissions stay; nothing is
 * taken away), only touches rows whose code is a built-in role, and keeps the row's order with
 * the new permissions appended, so running it twice changes nothing.
 *
 * @example
 * upgradedPermissions('crew', ['training.take']); // ['training.take', 'analytics.personal', 'incidents.report', ...]
 * upgradedPermissions('my_custom_role', []);      // null: not a built-in role
 */
export function upgradedPermissions(code: string, current: readonly string[]): string[] | null {
  const def = DEFAULT_ROLES.find((r) => r.id === code);
  if (!def) return null;
  const missing = def.permissions.filter((p) => !current.includes(p));
  return missing.length ? [...current, ...missing] : null;
}

/** A role row's permissions column, read leniently: a damaged value counts as none (then upgraded). */
export function parseRolePermissions(json: string): string[] {
  try {
    const p: unknown = JSON.parse(json);
    return Array.isArray(p) ? p.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
