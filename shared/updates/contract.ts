import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';
import { updatePolicy } from './policy.js';

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;

/** The site's update policy, and what versions its kiosks run (issue 16 §8). */
export const updatesContract = {
  'updates.policy': method({
    access: 'settings.manage',
    input: z.object({}).strict(),
    output: z.object({
      policy: updatePolicy,
      /** The version this kiosk runs. */
      current: z.string(),
      /** Each version the site's kiosks last reported, with how many run it (revoked ones left out). */
      versions: z.array(z.object({ version: z.string(), count: z.number().int().positive() })),
    }),
  }),
  'updates.setPolicy': method({
    access: 'settings.manage',
    input: updatePolicy,
    output: z.object({ ok: z.literal(true) }),
  }),
};
