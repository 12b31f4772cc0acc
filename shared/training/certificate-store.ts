import { z } from 'zod';
import { AppError } from '../errors.js';
import type { MutationContext } from '../mutations/define.js';
import { certificateToken, verifyCertificate } from './certificate-signing.js';
import { expiryFor } from './certificate-status.js';

/**
 * Storing a certificate a kiosk signed, for every mutation that earns one: the server re-runs this
 * and refuses a certificate whose key is not the organisation's or whose holder, module, score,
 * site or expiry differ from what it computed itself.
 */
export const certificateArgs = z
  .object({
    id: z.uuid(),
    payload: z.string().min(2).max(4000),
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
  })
  .strict();

export async function storeCertificate(
  ctx: MutationContext,
  cert: z.infer<typeof certificateArgs>,
  expect: {
    userId: string;
    moduleCode: string;
    moduleId: string;
    version: number;
    score: number;
    attemptId: string | null;
    validityDays: number;
  },
) {
  const keys = await ctx.db
    .selectFrom('training_signing_keys')
    .select(['key_id', 'public_key'])
    .where('revoked_at', 'is', null)
    .execute();
  const outcome = verifyCertificate(
    certificateToken(cert.payload, cert.signature),
    new Map(keys.map((k) => [k.key_id, k.public_key])),
  );
  if (!outcome.ok || !outcome.trusted)
    throw new AppError('CONFLICT', 'The certificate is not signed by a key this organisation lists.', {
      reason: outcome.ok ? 'untrusted' : outcome.reason,
    });
  const p = outcome.payload;
  if (
    p.u !== expect.userId ||
    p.m !== expect.moduleCode ||
    p.mv !== expect.version ||
    p.sc !== expect.score ||
    p.s !== ctx.siteId ||
    p.e !== expiryFor(p.i, expect.validityDays)
  ) {
    throw new AppError('CONFLICT', 'The certificate does not match the attempt the server scored.', {
      claimedScore: p.sc,
      score: expect.score,
    });
  }
  await ctx.write.insert('training_certificates', {
    id: cert.id,
    site_id: ctx.siteId,
    user_id: expect.userId,
    module_id: expect.moduleId,
    attempt_id: expect.attemptId,
    number: p.n,
    verification_code: p.c,
    issued_at: p.i,
    expires_at: p.e,
    payload: cert.payload,
    signature: cert.signature,
    key_id: p.k,
  });
}
