import type { MutationRunner } from '../../electron/core/mutations/mutation-runner.js';
import { demoUserId } from '../../shared/demo.js';
import { derivedId } from '../../shared/ids.js';
import { DEFAULT_ROLES } from '../../shared/permissions.js';
import { saveArea, saveCategory, saveItem, saveTable } from '../../shared/tables/menu-mutations.js';

const perms = (role: string) => [...DEFAULT_ROLES.find((r) => r.id === role)!.permissions];

/** The demo restaurant's people as mutation actors (their default roles' permissions). */
export const tablesActors = {
  manager: { userId: demoUserId('restaurant', 'Camille Martin'), permissions: perms('manager') },
  waiter: { userId: demoUserId('restaurant', 'Hugo Moreau'), permissions: perms('waiter') },
  kitchen: { userId: demoUserId('restaurant', 'Chloé Petit'), permissions: perms('kitchen') },
};

/** Fixed ids, so that every kiosk of a test (and a child process) names the same menu and floor. */
const id = (name: string) => derivedId('test-tables', name);
export const FIXTURE = {
  starters: id('cat-starters'),
  mains: id('cat-mains'),
  drinks: id('cat-drinks'),
  soup: id('item-soup'),
  steak: id('item-steak'),
  wine: id('item-wine'),
  sauce: id('mod-pepper-sauce'),
  terrace: id('area-terrace'),
  table: (n: number) => id(`table-${n}`),
};

/**
 * A small menu (soup 7.50 to the kitchen, steak 24.00 with a 2.50 pepper sauce to the grill,
 * wine 6.00 to the bar) and a terrace of six four-seat tables, written as the manager.
 */
export async function seedTablesFixture(runner: MutationRunner): Promise<void> {
  const m = tablesActors.manager;
  await runner.run(
    saveCategory,
    { id: FIXTURE.starters, nameEn: 'Starters', nameFr: 'Entrées', station: null, position: 0 },
    m,
  );
  await runner.run(
    saveCategory,
    { id: FIXTURE.mains, nameEn: 'Mains', nameFr: 'Plats', station: 'grill', position: 1 },
    m,
  );
  await runner.run(
    saveCategory,
    { id: FIXTURE.drinks, nameEn: 'Drinks', nameFr: 'Boissons', station: 'bar', position: 2 },
    m,
  );
  const item = { allergens: [], modifiers: [], station: null, position: 0 };
  await runner.run(
    saveItem,
    {
      ...item,
      id: FIXTURE.soup,
      categoryId: FIXTURE.starters,
      nameEn: 'Onion soup',
      nameFr: "Soupe à l'oignon",
      priceCents: 750,
      allergens: ['gluten', 'milk'],
    },
    m,
  );
  await runner.run(
    saveItem,
    {
      ...item,
      id: FIXTURE.steak,
      categoryId: FIXTURE.mains,
      nameEn: 'Steak',
      nameFr: 'Steak',
      priceCents: 2400,
      modifiers: [{ id: FIXTURE.sauce, nameEn: 'Pepper sauce', nameFr: 'Sauce au poivre', priceCents: 250 }],
    },
    m,
  );
  await runner.run(
    saveItem,
    {
      ...item,
      id: FIXTURE.wine,
      categoryId: FIXTURE.drinks,
      nameEn: 'Glass of red',
      nameFr: 'Verre de rouge',
      priceCents: 600,
      allergens: ['sulphites'],
    },
    m,
  );
  await runner.run(saveArea, { id: FIXTURE.terrace, name: 'Terrace', position: 0 }, m);
  for (let n = 1; n <= 6; n++)
    await runner.run(
      saveTable,
      { id: FIXTURE.table(n), areaId: FIXTURE.terrace, label: `T${n}`, seats: 4, position: n },
      m,
    );
}

/** The tables the payment tests serve: 1..SESSIONS, each split equally between `waysOf(n)` guests. */
export const PAID_TABLES = [1, 2, 3, 4, 5] as const;
export const waysOf = (table: number) => 1 + table;
/** What each share's payment key is: made once per share, so paying it again is a retry. */
export const paymentKeyOf = (sessionId: string, shareKey: string) => derivedId('test-payment-key', sessionId, shareKey);
