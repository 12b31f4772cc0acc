import { z } from 'zod';
import { pushedMutation, serverRowState } from './protocol.js';

/**
 * What a site hub serves on top of the sync service's own protocol (shared/sync/protocol.ts, which
 * a hub speaks unchanged: push, pull, live pokes). `GET /v1/hub/tentative` answers with the
 * mutations of the site's other kiosks that shore has not answered yet, and the recent answers to
 * relayed ones, so a kiosk can apply the first as tentative and undo those shore refused.
 */

/** Tentative mutations in one answer; a site's LAN rarely holds more while shore is away. */
export const MAX_TENTATIVE = 5000;
/** Answers a hub keeps telling kiosks about, newest first. */
export const MAX_SETTLED = 2000;

/** DNS-SD service type a hub advertises on the LAN (`_shiftdeck-hub._tcp`). */
export const HUB_SERVICE_TYPE = 'shiftdeck-hub';

export const tentativeMutation = pushedMutation.extend({ deviceId: z.uuid() });
export type TentativeMutation = z.infer<typeof tentativeMutation>;

export const settledRelay = z.object({
  deviceId: z.uuid(),
  seq: z.number().int().positive(),
  status: z.enum(['applied', 'duplicate', 'rejected', 'dead']),
  /** For refused ones: the confirmed state of the rows the mutation wrote (null: shore has none). */
  rows: z.array(serverRowState).default([]),
});
export type SettledRelay = z.infer<typeof settledRelay>;

export const hubTentativeResponse = z.object({
  tentative: z.array(tentativeMutation).max(MAX_TENTATIVE),
  settled: z.array(settledRelay).max(MAX_SETTLED),
});
export type HubTentativeResponse = z.infer<typeof hubTentativeResponse>;

/**
 * The exact JSON text of each element of the top-level `mutations` array of a push body, so a hub
 * can keep and relay what a kiosk sent byte for byte (a device's signature covers those bytes;
 * parsing and serialising them again could reorder keys or change number forms). Returns null
 * when the body is not a JSON object with such an array.
 *
 * @example
 * mutationTexts('{"clientTime":1,"mutations":[{"seq":1},{"seq":2}]}'); // ['{"seq":1}', '{"seq":2}']
 */
export function mutationTexts(body: string): string[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { mutations?: unknown }).mutations))
    return null;
  const expected = (parsed as { mutations: unknown[] }).mutations.length;
  let found: string[] | null = null;
  let current: string[] | null = null;
  let depth = 0;
  let start = 0;
  let strStart = -1;
  let lastTopString = '';
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') {
        inString = false;
        if (depth === 1) lastTopString = body.slice(strStart, i + 1);
      }
      continue;
    }
    if (ch === '"') {
      inString = true;
      strStart = i;
    } else if (ch === '{' || ch === '[') {
      depth++;
      // In valid JSON the last string before a value at the top level is that value's key.
      if (depth === 2 && ch === '[' && lastTopString === '"mutations"') {
        current = [];
        start = i + 1;
      }
    } else if (ch === '}' || ch === ']') {
      if (current && depth === 2) {
        const last = body.slice(start, i).trim();
        if (last) current.push(last);
        found = current; // a repeated key: JSON.parse keeps the last one, and so does this
        current = null;
      }
      depth--;
    } else if (ch === ',' && current && depth === 2) {
      current.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  return found && found.length === expected ? found : null;
}
