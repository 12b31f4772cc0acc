import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';
import { EXPORT_FORMATS } from '../exports/export-document.js';

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
const l10n = z.object({ en: z.string(), fr: z.string() });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give a date as YYYY-MM-DD');
const format = z.enum(EXPORT_FORMATS, { message: 'Pick one of: pdf, xlsx, csv, json, xml' });

/** A file handed to the renderer: the bytes as base64 with what it is and the hashes recorded. */
export const exportedFile = z.object({
  fileName: z.string(),
  mime: z.string(),
  base64: z.string(),
  /** The document's content hash (the same in every format). */
  contentHash: z.string(),
  /** SHA-256 of the file's bytes. */
  fileHash: z.string(),
});

const holding = z.object({
  name: z.string(),
  roleCode: z.string(),
  moduleCode: z.string(),
  moduleTitle: l10n,
  status: z.enum(['valid', 'expiring', 'expired', 'missing']),
  certificate: z.string().nullable(),
  expiresAt: z.string().nullable(),
});

const summaryLine = z.object({
  type: z.string(),
  total: z.number().int(),
  open: z.number().int(),
  bySeverity: z.record(z.string(), z.number().int()),
});

const period = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'The period must end on or after its first day', path: ['to'] });

/** Exports of compliance reports and reports built from site data (issue 13 §7, §8). */
export const complianceExportContract = {
  /** One report as a file in the chosen format; records who exported it, the format and the hashes. */
  'compliance.export': method({
    access: 'compliance.fill',
    input: z.object({ id: z.uuid(), format }).strict(),
    output: exportedFile,
  }),
  /** The exports recorded for one report, newest first. */
  'compliance.exports': method({
    access: 'compliance.fill',
    input: z.object({ id: z.uuid() }).strict(),
    output: z.array(
      z.object({ format: z.string(), userName: z.string().nullable(), at: z.string(), contentHash: z.string() }),
    ),
    touchesSession: false,
  }),
  /** Who holds which valid certificate against the modules their role requires. */
  'compliance.trainingReport': method({
    access: 'compliance.approve',
    input: z.object({}).strict(),
    output: z.object({ generatedAt: z.string(), today: z.string(), lines: z.array(holding) }),
  }),
  /** Incidents that occurred in a period of site days (both included), by type and severity. */
  'compliance.incidentSummary': method({
    access: 'compliance.approve',
    input: period,
    output: z.object({
      from: z.string(),
      to: z.string(),
      total: z.number().int(),
      open: z.number().int(),
      byType: z.array(summaryLine),
    }),
  }),
  /** A report built from data as a file, with the same builders as a compliance report. */
  'compliance.exportData': method({
    access: 'compliance.approve',
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('training_compliance'), format }).strict(),
      z.object({ kind: z.literal('incident_summary'), format, from: isoDate, to: isoDate }).strict(),
    ]),
    output: exportedFile,
  }),
} as const;
