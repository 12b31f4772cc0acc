import { derivedId } from '../ids.js';

export interface PlaceDefinition {
  code: string;
  name: { en: string; fr: string };
}

/** The places every site of a kind starts with; a site adds its own (incident_places). */
export const DEFAULT_PLACES: Readonly<Record<'vessel' | 'restaurant', readonly PlaceDefinition[]>> = Object.freeze({
  vessel: [
    { code: 'bridge', name: { en: 'Bridge', fr: 'Passerelle' } },
    { code: 'engine_room', name: { en: 'Engine room', fr: 'Salle des machines' } },
    { code: 'galley', name: { en: 'Galley', fr: 'Cuisine' } },
    { code: 'deck', name: { en: 'Deck', fr: 'Pont' } },
    { code: 'cabins', name: { en: 'Cabins', fr: 'Cabines' } },
    { code: 'cargo_hold', name: { en: 'Cargo hold', fr: 'Cale' } },
  ],
  restaurant: [
    { code: 'kitchen', name: { en: 'Kitchen', fr: 'Cuisine' } },
    { code: 'dining_room', name: { en: 'Dining room', fr: 'Salle' } },
    { code: 'bar', name: { en: 'Bar', fr: 'Bar' } },
    { code: 'storeroom', name: { en: 'Storeroom', fr: 'Réserve' } },
    { code: 'cold_room', name: { en: 'Cold room', fr: 'Chambre froide' } },
    { code: 'terrace', name: { en: 'Terrace', fr: 'Terrasse' } },
  ],
});

/** A default place's id at one site: derived, so every kiosk of the site names it the same. */
export const defaultPlaceId = (siteId: string, code: string): string => derivedId('incident-place', siteId, code);

/** The default places of a site with their ids. */
export const defaultPlacesOf = (siteId: string, kind: 'vessel' | 'restaurant') =>
  DEFAULT_PLACES[kind].map((p) => ({ id: defaultPlaceId(siteId, p.code), name: p.name }));
