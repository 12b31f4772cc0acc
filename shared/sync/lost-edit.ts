import { z } from 'zod';

/**
 * The conflict record of an edit that lost to edits made later (see mergeFields): what the
 * service stores in the record's `args`, and what a kiosk reads to say it in words and to offer
 * "use mine instead". One record per losing mutation, listing every field it lost.
 */
export const LATER_EDIT_WON = 'LATER_EDIT_WON';

export const lostChange = z.object({
  table: z.string(),
  id: z.string(),
  field: z.string(),
  /** The value the losing edit wanted. */
  mine: z.unknown(),
  /** The value that stays. */
  kept: z.unknown(),
  /** When the value that stays was written (ISO), and on which device. */
  keptAt: z.string(),
  keptDeviceId: z.string().nullable(),
  keptDeviceName: z.string().nullable(),
});
export type LostChange = z.infer<typeof lostChange>;

export const lostEditDetail = z.object({
  /** When the losing edit was made, by the merge rule (ISO). */
  madeAt: z.string(),
  deviceName: z.string().nullable(),
  changes: z.array(lostChange).min(1),
});
export type LostEditDetail = z.infer<typeof lostEditDetail>;

/** The detail of a lost-edit record, or null for any other record (or one this kiosk cannot read). */
export function readLostEdit(code: string, args: string): LostEditDetail | null {
  if (code !== LATER_EDIT_WON) return null;
  try {
    const parsed = lostEditDetail.safeParse(JSON.parse(args));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
