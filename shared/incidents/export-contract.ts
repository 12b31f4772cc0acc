import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';
import { exportedFile } from '../compliance/export-contract.js';

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;

/** The formats each incident export is offered in (issue 12 §8). */
export const INCIDENT_LIST_FORMATS = ['xlsx', 'csv'] as const;
export const INCIDENT_REPORT_FORMATS = ['pdf'] as const;

/** Exports of the incident list and of one incident's report; each file is recorded. */
export const incidentsExportContract = {
  /** The incidents the person may see (open ones, or all) as XLSX or CSV. */
  'incidents.exportList': method({
    access: 'incidents.triage',
    input: z
      .object({
        format: z.enum(INCIDENT_LIST_FORMATS, { message: 'Pick one of: xlsx, csv' }),
        open: z.boolean().default(true),
      })
      .strict(),
    output: exportedFile,
  }),
  /** One incident's report as a bilingual PDF: history with signatures, escalations, actions. */
  'incidents.exportReport': method({
    access: 'incidents.triage',
    input: z
      .object({ id: z.uuid(), format: z.enum(INCIDENT_REPORT_FORMATS, { message: 'Pick: pdf' }).default('pdf') })
      .strict(),
    output: exportedFile,
  }),
} as const;
