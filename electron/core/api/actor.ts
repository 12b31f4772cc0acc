import { AppError } from '../../../shared/errors.js';
import type { Actor } from '../mutations/mutation-runner.js';
import type { CallContext } from './dispatcher.js';

/**
 * The person signed in on this call as the mutation runner's actor (who, and what they may do).
 * The dispatcher has already refused a method that needs a session without one; a handler that
 * asks anyway gets UNAUTHENTICATED, never a crash.
 */
export function actorOf(ctx: CallContext): Actor & { userId: string } {
  if (!ctx.signedIn) throw new AppError('UNAUTHENTICATED', 'Sign in with your PIN first.');
  return { userId: ctx.signedIn.person.id, permissions: ctx.signedIn.person.permissions };
}
