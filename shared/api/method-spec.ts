import type { z } from 'zod';
import type { Permission } from '../permissions.js';

/** Who may call a method: anyone, anyone signed in, or a holder of one permission. */
export type MethodAccess = 'public' | 'session' | Permission;

/**
 * One method of the API contract: its input and output schemas and who may call it. Its own file
 * so that the domain contracts (shared/<domain>/contract.ts) and shared/api/contract.ts, which
 * gathers them, both import it and neither imports the other back.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  access: MethodAccess;
  input: I;
  output: O;
  /** False for calls that must not count as a person's activity (status polling). */
  touchesSession?: boolean;
  /**
   * The largest request of this method, in bytes of JSON, for the few that carry a file (a photo,
   * a PDF to check); every other method is held to MAX_REQUEST_BYTES (64 KiB) by both transports.
   */
  maxBytes?: number;
}
