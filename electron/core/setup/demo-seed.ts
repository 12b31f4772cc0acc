import { demoSite, demoSiteId, demoUserId, type DemoSite } from '../../../shared/demo.js';
import { derivedId, roleId } from '../../../shared/ids.js';
import { createSite } from '../../../shared/mutations/sites.js';
import { createUser } from '../../../shared/mutations/users.js';
import { demoMenuArgs } from '../../../shared/tables/demo-menu.js';
import { saveArea, saveCategory, saveItem, saveTable } from '../../../shared/tables/menu-mutations.js';
import type { Store } from '../db/store.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';

/** The demo restaurant's menu and floor, through the ordinary menu mutations (a vessel has none). */
function demoMenuBatch(siteId: string) {
  const m = demoMenuArgs(siteId);
  return [
    ...m.categories.map((args) => ({ def: saveCategory, args })),
    ...m.items.map((args) => ({ def: saveItem, args })),
    ...m.areas.map((args) => ({ def: saveArea, args })),
    ...m.tables.map((args) => ({ def: saveTable, args })),
  ];
}

/** Seeds one demo site, its people and (a restaurant) its menu and floor through the ordinary mutations, once. */
export async function seedDemoSite(
  store: Store,
  runner: MutationRunner,
  key: DemoSite['key'],
  hashPin: (pin: string) => Promise<string>,
): Promise<boolean> {
  const site = demoSite(key);
  const siteId = demoSiteId(key);
  const exists = await store.db.selectFrom('sites').select('id').where('id', '=', siteId).executeTakeFirst();
  if (exists) return false;
  const hashes = await Promise.all(site.people.map((p) => hashPin(p.pin)));
  const system = { userId: null, permissions: [], system: true };
  await runner.runBatch(
    [
      { def: createSite, args: { id: siteId, kind: site.kind, name: site.name, timezone: site.timezone } },
      ...site.people.map((p, i) => ({
        def: createUser,
        args: {
          id: demoUserId(key, p.name),
          auditId: derivedId('demo-audit', key, p.name),
          displayName: p.name,
          locale: p.locale,
          pinHash: hashes[i],
          roleId: roleId(p.role),
        },
      })),
      ...(site.kind === 'restaurant' ? demoMenuBatch(siteId) : []),
    ],
    system,
  );
  return true;
}
