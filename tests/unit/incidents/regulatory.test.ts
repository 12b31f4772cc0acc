import { describe, expect, it } from 'vitest';
import { changedRegulatory, defaultRegulatory, regulatoryColumns } from '../../../shared/incidents/regulatory.js';

describe('the regulatory log of an incident', () => {
  it('starts from the site kind and the type: the ISM Code on every vessel incident, HACCP for food safety ashore', () => {
    expect(defaultRegulatory('vessel', 'pollution', 'high').frameworks).toEqual(['ISM', 'MARPOL', 'ISO14001']);
    expect(defaultRegulatory('vessel', 'equipment', 'low').frameworks).toEqual(['ISM']);
    expect(defaultRegulatory('restaurant', 'food_safety', 'medium').frameworks).toEqual(['HACCP']);
    expect(defaultRegulatory('restaurant', 'equipment', 'low').frameworks).toEqual([]);
    // A critical incident is to be reported to the authority and investigated.
    expect(defaultRegulatory('restaurant', 'injury', 'critical')).toMatchObject({
      authorityNotify: true,
      reportStatus: 'to_report',
      investigationRequired: true,
      reviewRequired: true,
    });
  });

  it('a change is only the fields that differ (frameworks in any order, the same instant written two ways)', () => {
    const base = { ...defaultRegulatory('vessel', 'fire', 'high'), authorityDeadline: '2026-11-22T12:00:00.000Z' };
    expect(changedRegulatory(base, { ...base, frameworks: ['SOLAS', 'ISM'] })).toEqual({});
    expect(changedRegulatory(base, { ...base, authorityDeadline: '2026-11-22T13:00:00+01:00' })).toEqual({});
    expect(changedRegulatory(base, { ...base, reviewDone: true, reportReference: 'MCA-1' })).toEqual({
      reviewDone: true,
      reportReference: 'MCA-1',
    });
    expect(regulatoryColumns({ frameworks: ['SOLAS', 'ISM'], reviewDone: true })).toEqual({
      frameworks: '["ISM","SOLAS"]',
      review_done: 1,
    });
  });
});
