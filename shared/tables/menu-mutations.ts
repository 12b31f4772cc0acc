import { z } from 'zod';
import { AppError } from '../errors.js';
import { defineMutation } from '../mutations/define.js';
import { ALLERGENS } from './allergens.js';
import { requireAny, requireRestaurant } from './guards.js';
import { STATIONS } from './routing.js';

const label = z.string().trim().min(1).max(80);
const position = z.number().int().min(0).max(10_000);
export const priceCents = z.number().int().min(0).max(10_000_00);

export const modifierSchema = z.object({ id: z.uuid(), nameEn: label, nameFr: label, priceCents: priceCents }).strict();

/** Adds or changes a menu category; a category's station is where its items go unless they say otherwise. */
export const saveCategory = defineMutation({
  name: 'tables.saveCategory',
  version: 1,
  authority: 'tables.setup',
  args: z
    .object({ id: z.uuid(), nameEn: label, nameFr: label, station: z.enum(STATIONS).nullable(), position })
    .strict(),
  async run(ctx, a) {
    await requireRestaurant(ctx);
    const fields = { name_en: a.nameEn, name_fr: a.nameFr, station: a.station, position: a.position };
    const added = await ctx.write.insertIfAbsent('menu_categories', {
      id: a.id,
      site_id: ctx.siteId,
      ...fields,
      deleted_at: null,
    });
    if (!added) await ctx.write.update('menu_categories', a.id, fields);
  },
});

export const menuItemFields = z
  .object({
    id: z.uuid(),
    categoryId: z.uuid(),
    nameEn: label,
    nameFr: label,
    priceCents,
    allergens: z.array(z.enum(ALLERGENS)).max(ALLERGENS.length),
    modifiers: z.array(modifierSchema).max(20),
    station: z.enum(STATIONS).nullable(),
    position,
  })
  .strict();

/** Adds or changes a menu item with its price, allergens and modifiers. */
export const saveItem = defineMutation({
  name: 'tables.saveItem',
  version: 1,
  authority: 'tables.setup',
  args: menuItemFields,
  async run(ctx, a) {
    await requireRestaurant(ctx);
    const category = await ctx.db
      .selectFrom('menu_categories')
      .select('id')
      .where('id', '=', a.categoryId)
      .where('site_id', '=', ctx.siteId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!category)
      throw new AppError('NOT_FOUND', 'That menu category does not exist any more; pick another.', {
        field: 'categoryId',
      });
    const fields = {
      category_id: a.categoryId,
      name_en: a.nameEn,
      name_fr: a.nameFr,
      price_cents: a.priceCents,
      allergens: JSON.stringify([...new Set(a.allergens)].sort()),
      modifiers: JSON.stringify(a.modifiers),
      station: a.station,
      position: a.position,
    };
    const added = await ctx.write.insertIfAbsent('menu_items', {
      id: a.id,
      site_id: ctx.siteId,
      ...fields,
      available: 1,
      deleted_at: null,
    });
    if (!added) await ctx.write.update('menu_items', a.id, fields);
  },
});

/** "86" an item (sold out) or bring it back: waiters, the kitchen and managers may all do it. */
export const setAvailability = defineMutation({
  name: 'tables.setAvailability',
  version: 1,
  authority: 'session',
  args: z.object({ itemId: z.uuid(), available: z.boolean() }).strict(),
  async run(ctx, a) {
    requireAny(ctx, ['tables.serve', 'kitchen.display', 'tables.setup'], 'mark an item sold out');
    await requireRestaurant(ctx);
    const item = await ctx.db
      .selectFrom('menu_items')
      .select('id')
      .where('id', '=', a.itemId)
      .where('site_id', '=', ctx.siteId)
      .executeTakeFirst();
    if (!item) throw new AppError('NOT_FOUND', 'That menu item does not exist.', { field: 'itemId' });
    await ctx.write.update('menu_items', a.itemId, { available: a.available ? 1 : 0 });
  },
});

export const saveArea = defineMutation({
  name: 'tables.saveArea',
  version: 1,
  authority: 'tables.setup',
  args: z.object({ id: z.uuid(), name: label, position }).strict(),
  async run(ctx, a) {
    await requireRestaurant(ctx);
    const added = await ctx.write.insertIfAbsent('floor_areas', {
      id: a.id,
      site_id: ctx.siteId,
      name: a.name,
      position: a.position,
      deleted_at: null,
    });
    if (!added) await ctx.write.update('floor_areas', a.id, { name: a.name, position: a.position });
  },
});

export const saveTable = defineMutation({
  name: 'tables.saveTable',
  version: 1,
  authority: 'tables.setup',
  args: z
    .object({
      id: z.uuid(),
      areaId: z.uuid(),
      label: z.string().trim().min(1).max(12),
      seats: z.number().int().min(1).max(40),
      position,
    })
    .strict(),
  async run(ctx, a) {
    await requireRestaurant(ctx);
    const fields = { area_id: a.areaId, label: a.label, seats: a.seats, position: a.position };
    const added = await ctx.write.insertIfAbsent('dining_tables', {
      id: a.id,
      site_id: ctx.siteId,
      ...fields,
      deleted_at: null,
    });
    if (!added) await ctx.write.update('dining_tables', a.id, fields);
  },
});
