import { createPeopleStore, type PeopleStore } from '../../stores/people-store.js';
import { useAreaStore } from '../training/use-area-store.js';

const make = (api: Parameters<typeof createPeopleStore>[0]['api']) => createPeopleStore({ api });

/** The store of the Accounts panel, shared by its list and the open card. */
export function usePeople(): PeopleStore {
  return useAreaStore('people', make);
}
