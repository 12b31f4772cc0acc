import { describe, expect, it } from 'vitest';
import { pdfValue } from '../../../shared/exports/document-pdf.js';
import { documentHash } from '../../../shared/exports/export-document.js';
import {
  incidentListDocument,
  incidentReportDocument,
  SEVERITY_WORDS,
  STAGE_WORDS,
  TYPE_WORDS,
  type IncidentReportInput,
} from '../../../shared/incidents/export-documents.js';
import { INCIDENT_TYPES, SEVERITIES, STAGES } from '../../../shared/incidents/workflow.js';

const NOW = '2026-11-22T10:00:00.000Z';
const incident: IncidentReportInput = {
  id: '0190d6a4-0000-7000-8000-000000000001',
  type: 'food_safety',
  severity: 'high',
  stage: 'triaging',
  place: { en: 'Kitchen', fr: 'Cuisine' },
  occurredAt: '2026-11-22T09:00:00.000Z',
  reportedAt: '2026-11-22T09:05:00.000Z',
  whatHappened: 'Fridge at 9 °C',
  reporterName: 'Emma Dubois',
  confidential: false,
  escalationLevel: 0,
  peopleInvolved: '',
  immediateActions: 'Moved the stock',
  sla: {
    state: 'on_track',
    acknowledge: { state: 'met', stoppedAt: '2026-11-22T09:20:00.000Z' },
    resolve: { state: 'on_track', stoppedAt: null },
  },
  history: [
    {
      id: 'e1',
      kind: 'reported',
      from: null,
      to: 'reported',
      reason: '',
      personName: 'Emma Dubois',
      at: '2026-11-22T09:05:00.000Z',
    },
    {
      id: 'e2',
      kind: 'move',
      from: 'reported',
      to: 'triaging',
      reason: 'On it',
      personName: 'Camille Martin',
      at: '2026-11-22T09:20:00.000Z',
    },
  ],
  escalations: [],
  actions: [
    { kind: 'corrective', title: 'Service the fridge', ownerName: null, dueDate: '2026-11-25', status: 'open' },
  ],
};

describe('incident export documents', () => {
  it('has words in both languages for every type, severity and stage', () => {
    for (const [codes, words] of [
      [INCIDENT_TYPES, TYPE_WORDS],
      [SEVERITIES, SEVERITY_WORDS],
      [STAGES, STAGE_WORDS],
    ] as const)
      for (const c of codes) {
        const w = (words as Record<string, { en: string; fr: string }>)[c];
        expect(w.en.length * w.fr.length).toBeGreaterThan(0);
      }
  });

  it('signs each history entry with its person and kiosk, and prints coded values in both languages', () => {
    const doc = incidentReportDocument(incident, { site: 'Bistro', deviceOf: new Map([['e2', 'kiosk-2']]) }, NOW);
    expect(doc.subject).toBe(incident.id);
    const history = doc.tables.find((t) => t.id === 'history')!;
    expect(history.rows.map((r) => [r.signed_by, r.device])).toEqual([
      ['Emma Dubois', null],
      ['Camille Martin', 'kiosk-2'],
    ]);
    const severity = doc.facts.find((f) => f.key === 'severity')!;
    expect(pdfValue(severity.value, severity.codes)).toBe('High / Élevée');
    // The content hash leaves out when it was made: the same incident exported twice matches.
    expect(documentHash(incidentReportDocument(incident, { site: 'Bistro' }, '2026-12-01T00:00:00.000Z'))).toBe(
      documentHash(incidentReportDocument(incident, { site: 'Bistro' }, NOW)),
    );
  });

  it('lists one row per incident with its codes and the place in both languages', () => {
    const doc = incidentListDocument([incident], { site: 'Bistro', open: false }, NOW);
    expect(doc.subject).toBe('Bistro-all');
    expect(doc.tables[0].rows).toEqual([
      expect.objectContaining({
        type: 'food_safety',
        stage: 'triaging',
        place_en: 'Kitchen',
        place_fr: 'Cuisine',
        sla: 'on_track',
      }),
    ]);
  });
});
