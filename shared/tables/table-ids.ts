import { derivedId } from '../ids.js';

/**
 * Ids of things two kiosks could both create for the same real thing, derived from its natural
 * key so replicas merge instead of duplicating.
 */

/** The n-th service of a table (0 first): two waiters opening table 4 offline open one session. */
export const tableSessionId = (tableId: string, ordinal: number): string =>
  derivedId('table_session', tableId, String(ordinal));

/** One ticket per station and course of one "send": sending again after a lost answer is the same ticket. */
export const kitchenTicketId = (sendId: string, station: string, course: number): string =>
  derivedId('kitchen_ticket', sendId, station, String(course));

/** A payment is keyed by the share's payment key, made once when the share is shown: a retry is the same row. */
export const paymentId = (sessionId: string, paymentKey: string): string => derivedId('payment', sessionId, paymentKey);

/**
 * The id to try after `id` when `id` is taken by another service (one that ended, or one moved to
 * another table): every kiosk walks the same chain, so two stale kiosks still open one session.
 */
export const nextTableSessionId = (id: string): string => derivedId('table_session_next', id);

/** One alias per id a device used: the device's later orders under that id follow the alias. */
export const tableSessionAliasId = (usedId: string, deviceId: string): string =>
  derivedId('table_session_alias', usedId, deviceId);
