import { createComplianceStore, type ComplianceStore } from '../../stores/compliance-store.js';
import { useAreaStore } from '../training/use-area-store.js';

const make = (api: Parameters<typeof createComplianceStore>[0]['api']) => createComplianceStore({ api });

/** The compliance area's store, shared by its views (kept while the API client lives). */
export function useCompliance(): ComplianceStore {
  return useAreaStore('compliance', make);
}
