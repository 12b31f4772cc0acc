import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';
import { templateArgs } from './certificate-template.js';

/**
 * API methods of certificate templates, revocation lists and checking a certificate file (merged
 * into trainingContract).
 */
const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;

/** A certificate PDF as the check screen opened it; the largest has a 256 KiB logo in it. */
export const PDF_MAX_BYTES = 2 * 1024 * 1024;

export const certificateContract = {
  'training.certificateTemplate': method({
    access: 'settings.manage',
    input: z.object({}).strict(),
    output: z.object({
      signatoryName: z.string(),
      signatoryTitle: z.string(),
      logo: z.object({ mime: z.enum(['image/png', 'image/jpeg']), base64: z.string() }).nullable(),
    }),
  }),
  'training.setCertificateTemplate': method({
    access: 'settings.manage',
    input: templateArgs,
    output: z.object({ ok: z.literal(true) }),
    // A logo of at most 256 KiB, in base64, with the template's texts.
    maxBytes: 512 * 1024,
  }),
  'training.revocationList': method({
    access: 'training.assign',
    input: z.object({}).strict(),
    output: z.object({ fileName: z.string(), json: z.string(), count: z.number().int() }),
  }),
  /** The certificate string a certificate PDF carries (its Subject), or null when it has none. */
  'training.readCertificatePdf': method({
    access: 'training.take',
    input: z
      .object({
        base64: z
          .string()
          .min(8)
          .max(Math.ceil(PDF_MAX_BYTES / 3) * 4, 'base64: the PDF is over 2 MiB'),
      })
      .strict(),
    output: z.object({ token: z.string().nullable() }),
    maxBytes: Math.ceil(PDF_MAX_BYTES / 3) * 4 + 1024,
  }),
} as const;
