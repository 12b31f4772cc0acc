import { demoSite, demoSiteId, demoUserId, type DemoSite } from '../../../shared/demo.js';
import { derivedId, roleId } from '../../../shared/ids.js';
import { createSite } from '../../../shared/mutations/sites.js';
import { createUser } from '../../../shared/mutations/users.js';
import type { Store } from '../db/store.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';

/** Seeds one demo site and its people through the ordinary mutations, once. */
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
    ],
    system,
  );
  return true;
}
