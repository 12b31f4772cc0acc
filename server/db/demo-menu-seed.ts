import type { Kysely } from 'kysely';
import { demoMenuArgs } from '../../shared/tables/demo-menu.js';
import type { CentralDatabase } from './central-schema.js';

/**
 * Writes the demo restaurant's menu and floor into the seeding transaction: the same rows, ids and
 * values the kiosk's seed writes through the menu mutations (tests/integration/server/seed-data).
 */
export async function insertDemoMenu(
  trx: Kysely<CentralDatabase>,
  siteId: string,
  stamp: { created_at: string; updated_at: string; _version: number },
): Promise<void> {
  const m = demoMenuArgs(siteId);
  const base = { site_id: siteId, deleted_at: null, ...stamp };
  await trx
    .insertInto('menu_categories')
    .values(
      m.categories.map((c) => ({
        id: c.id,
        name_en: c.nameEn,
        name_fr: c.nameFr,
        station: c.station,
        position: c.position,
        ...base,
      })),
    )
    .execute();
  await trx
    .insertInto('menu_items')
    .values(
      m.items.map((i) => ({
        id: i.id,
        category_id: i.categoryId,
        name_en: i.nameEn,
        name_fr: i.nameFr,
        price_cents: i.priceCents,
        allergens: JSON.stringify(i.allergens),
        modifiers: JSON.stringify(i.modifiers),
        station: i.station,
        available: 1,
        position: i.position,
        ...base,
      })),
    )
    .execute();
  await trx
    .insertInto('floor_areas')
    .values(m.areas.map((a) => ({ id: a.id, name: a.name, position: a.position, ...base })))
    .execute();
  await trx
    .insertInto('dining_tables')
    .values(
      m.tables.map((t) => ({
        id: t.id,
        area_id: t.areaId,
        label: t.label,
        seats: t.seats,
        position: t.position,
        ...base,
      })),
    )
    .execute();
}
