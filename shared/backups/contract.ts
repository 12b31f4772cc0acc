import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
const empty = z.object({}).strict();

export const backupFile = z.object({
  file: z.string(),
  takenAt: z.string(),
  bytes: z.number().int().nonnegative(),
  safety: z.boolean(),
});

const backupList = z.object({
  folder: z.string(),
  backups: z.array(backupFile),
  /** The newest regular backup's time, or null before the first one. */
  lastBackupAt: z.string().nullable(),
});

/** A backup's name as `backups.list` gives it: a plain file name, never a path. */
const fileName = z
  .string()
  .max(200)
  .regex(/^shiftdeck-[0-9a-f-]+-(safety-)?\d{8}T\d{6}Z\.db$/, 'Choose a backup from the list');

/** Backups of this kiosk's database (taken every 15 minutes) and restoring one. */
export const backupsContract = {
  'backups.list': method({ access: 'backups.manage', input: empty, output: backupList, touchesSession: false }),
  'backups.takeNow': method({ access: 'backups.manage', input: empty, output: backupFile }),
  'backups.setFolder': method({
    access: 'backups.manage',
    input: z
      .object({
        folder: z
          .string()
          .trim()
          .min(1, 'Give the folder, e.g. /media/usb/shiftdeck')
          .max(400)
          .refine((f) => f.startsWith('/') || /^[A-Za-z]:[\\/]/.test(f) || f.startsWith('\\\\'), 'Give a full path'),
      })
      .strict(),
    output: backupList,
  }),
  'backups.restore': method({
    access: 'backups.manage',
    input: z.object({ file: fileName }).strict(),
    output: z.object({ safetyCopy: z.string(), restoredAt: z.string() }),
  }),
} as const;
