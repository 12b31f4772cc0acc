import { derivedId } from '../ids.js';
import type { Allergen } from './allergens.js';
import type { Station } from './routing.js';

/**
 * The demo restaurant's menu and floor plan. Ids are derived from names, so the kiosk's seed
 * (through the ordinary menu mutations) and the central seed write the very same rows.
 */
export interface DemoCategory {
  key: string;
  nameEn: string;
  nameFr: string;
  station: Station | null;
}
export interface DemoItem {
  key: string;
  category: string;
  nameEn: string;
  nameFr: string;
  priceCents: number;
  allergens: Allergen[];
  modifiers: { key: string; nameEn: string; nameFr: string; priceCents: number }[];
  station: Station | null;
}
export interface DemoArea {
  key: string;
  name: string;
  tables: { label: string; seats: number }[];
}

export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  { key: 'starters', nameEn: 'Starters', nameFr: 'Entrées', station: 'cold' },
  { key: 'mains', nameEn: 'Mains', nameFr: 'Plats', station: 'kitchen' },
  { key: 'desserts', nameEn: 'Desserts', nameFr: 'Desserts', station: 'pastry' },
  { key: 'drinks', nameEn: 'Drinks', nameFr: 'Boissons', station: 'bar' },
];

export const DEMO_ITEMS: readonly DemoItem[] = [
  {
    key: 'onion-soup',
    category: 'starters',
    nameEn: 'French onion soup',
    nameFr: "Soupe à l'oignon",
    priceCents: 850,
    allergens: ['gluten', 'milk', 'celery'],
    modifiers: [{ key: 'no-cheese', nameEn: 'No cheese', nameFr: 'Sans fromage', priceCents: 0 }],
    station: 'kitchen',
  },
  {
    key: 'salad',
    category: 'starters',
    nameEn: 'Goat cheese salad',
    nameFr: 'Salade de chèvre chaud',
    priceCents: 950,
    allergens: ['milk', 'nuts', 'mustard'],
    modifiers: [{ key: 'no-nuts', nameEn: 'No walnuts', nameFr: 'Sans noix', priceCents: 0 }],
    station: null,
  },
  {
    key: 'steak',
    category: 'mains',
    nameEn: 'Steak frites',
    nameFr: 'Steak frites',
    priceCents: 2200,
    allergens: ['mustard'],
    modifiers: [
      { key: 'rare', nameEn: 'Rare', nameFr: 'Saignant', priceCents: 0 },
      { key: 'medium', nameEn: 'Medium', nameFr: 'À point', priceCents: 0 },
      { key: 'pepper', nameEn: 'Pepper sauce', nameFr: 'Sauce au poivre', priceCents: 250 },
    ],
    station: 'grill',
  },
  {
    key: 'fish',
    category: 'mains',
    nameEn: 'Sole meunière',
    nameFr: 'Sole meunière',
    priceCents: 2600,
    allergens: ['fish', 'milk', 'gluten'],
    modifiers: [],
    station: null,
  },
  {
    key: 'risotto',
    category: 'mains',
    nameEn: 'Mushroom risotto',
    nameFr: 'Risotto aux champignons',
    priceCents: 1800,
    allergens: ['milk', 'celery', 'sulphites'],
    modifiers: [],
    station: null,
  },
  {
    key: 'creme-brulee',
    category: 'desserts',
    nameEn: 'Crème brûlée',
    nameFr: 'Crème brûlée',
    priceCents: 750,
    allergens: ['eggs', 'milk'],
    modifiers: [],
    station: null,
  },
  {
    key: 'tarte-tatin',
    category: 'desserts',
    nameEn: 'Tarte tatin',
    nameFr: 'Tarte tatin',
    priceCents: 800,
    allergens: ['gluten', 'eggs', 'milk'],
    modifiers: [{ key: 'ice-cream', nameEn: 'Vanilla ice cream', nameFr: 'Glace vanille', priceCents: 200 }],
    station: null,
  },
  {
    key: 'water',
    category: 'drinks',
    nameEn: 'Sparkling water',
    nameFr: 'Eau pétillante',
    priceCents: 400,
    allergens: [],
    modifiers: [],
    station: null,
  },
  {
    key: 'wine',
    category: 'drinks',
    nameEn: 'Glass of Bordeaux',
    nameFr: 'Verre de Bordeaux',
    priceCents: 700,
    allergens: ['sulphites'],
    modifiers: [],
    station: null,
  },
];

export const DEMO_AREAS: readonly DemoArea[] = [
  {
    key: 'dining-room',
    name: 'Salle',
    tables: [
      { label: '1', seats: 2 },
      { label: '2', seats: 2 },
      { label: '3', seats: 4 },
      { label: '4', seats: 4 },
      { label: '5', seats: 6 },
    ],
  },
  {
    key: 'terrace',
    name: 'Terrasse',
    tables: [
      { label: 'T1', seats: 2 },
      { label: 'T2', seats: 4 },
    ],
  },
];

export const demoCategoryId = (siteId: string, key: string) => derivedId('demo-menu-category', siteId, key);
export const demoItemId = (siteId: string, key: string) => derivedId('demo-menu-item', siteId, key);
export const demoModifierId = (siteId: string, item: string, key: string) =>
  derivedId('demo-menu-modifier', siteId, item, key);
export const demoAreaId = (siteId: string, key: string) => derivedId('demo-floor-area', siteId, key);
export const demoTableId = (siteId: string, label: string) => derivedId('demo-dining-table', siteId, label);

/** The rows of the demo menu and floor for a site, in the fields of the menu mutations' arguments. */
export function demoMenuArgs(siteId: string) {
  return {
    categories: DEMO_CATEGORIES.map((c, position) => ({
      id: demoCategoryId(siteId, c.key),
      nameEn: c.nameEn,
      nameFr: c.nameFr,
      station: c.station,
      position,
    })),
    items: DEMO_ITEMS.map((i, position) => ({
      id: demoItemId(siteId, i.key),
      categoryId: demoCategoryId(siteId, i.category),
      nameEn: i.nameEn,
      nameFr: i.nameFr,
      priceCents: i.priceCents,
      allergens: [...i.allergens].sort(),
      modifiers: i.modifiers.map((m) => ({
        id: demoModifierId(siteId, i.key, m.key),
        nameEn: m.nameEn,
        nameFr: m.nameFr,
        priceCents: m.priceCents,
      })),
      station: i.station,
      position,
    })),
    areas: DEMO_AREAS.map((a, position) => ({ id: demoAreaId(siteId, a.key), name: a.name, position })),
    tables: DEMO_AREAS.flatMap((a) =>
      a.tables.map((t, position) => ({
        id: demoTableId(siteId, t.label),
        areaId: demoAreaId(siteId, a.key),
        label: t.label,
        seats: t.seats,
        position,
      })),
    ),
  };
}
