import { derivedId } from './ids.js';

/**
 * The demo site: a restaurant and a vessel with a few people per role. Ids are derived from names
 * so the server and every kiosk seed the very same rows. Demo PINs are printed at start-up.
 */
export interface DemoPerson {
  name: string;
  role: string;
  pin: string;
  locale: 'en' | 'fr';
}

export interface DemoSite {
  key: 'restaurant' | 'vessel';
  name: string;
  kind: 'restaurant' | 'vessel';
  timezone: string;
  people: DemoPerson[];
}

export const DEMO_SITES: readonly DemoSite[] = [
  {
    key: 'restaurant',
    name: 'Le Petit Bistro',
    kind: 'restaurant',
    timezone: 'Europe/Paris',
    people: [
      { name: 'Sophie Laurent', role: 'admin', pin: '9999', locale: 'fr' },
      { name: 'Camille Martin', role: 'manager', pin: '1111', locale: 'fr' },
      { name: 'Lucas Bernard', role: 'chef', pin: '2222', locale: 'fr' },
      { name: 'Emma Dubois', role: 'staff', pin: '3333', locale: 'en' },
      { name: 'Hugo Moreau', role: 'waiter', pin: '4444', locale: 'fr' },
      { name: 'Chloé Petit', role: 'kitchen', pin: '5555', locale: 'fr' },
      { name: 'Nathan Roux', role: 'instructor', pin: '6666', locale: 'en' },
      { name: 'Léa Fournier', role: 'trainee', pin: '7777', locale: 'fr' },
    ],
  },
  {
    key: 'vessel',
    name: 'MV Northern Star',
    kind: 'vessel',
    timezone: 'UTC',
    people: [
      { name: 'Erik Hansen', role: 'master', pin: '1111', locale: 'en' },
      { name: 'Maria Santos', role: 'officer', pin: '2222', locale: 'en' },
      { name: 'Tom Okafor', role: 'crew', pin: '3333', locale: 'en' },
      { name: 'Aline Girard', role: 'crew', pin: '4444', locale: 'fr' },
      { name: 'Ana Ribeiro', role: 'admin', pin: '9999', locale: 'en' },
      { name: 'Nathan Roux', role: 'instructor', pin: '6666', locale: 'en' },
    ],
  },
];

export const demoSiteId = (key: DemoSite['key']): string => derivedId('demo-site', key);
export const demoUserId = (siteKey: DemoSite['key'], name: string): string => derivedId('demo-user', siteKey, name);
export const demoSite = (key: DemoSite['key']): DemoSite => DEMO_SITES.find((s) => s.key === key)!;
