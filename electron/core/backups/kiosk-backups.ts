import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { backupsToKeep } from '../../../shared/backups/retention.js';
import { AppError } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import { loadMigrations, migrate } from '../db/migrate.js';
import type { Store } from '../db/store.js';
import type { Logger } from '../log.js';

/** One backup file of this kiosk in the backup folder. */
export interface BackupFile {
  /** The file name (never a path: restore takes a name from this list, nothing else). */
  file: string;
  takenAt: string;
  bytes: number;
  /** A copy taken just before a restore replaced the database; retention never removes it. */
  safety: boolean;
}

export interface KioskBackupsDeps {
  store: Store;
  /** The live database file. */
  dbPath: string;
  migrationsDir: string;
  deviceId: string;
  clock: Clock;
  /** Where backups go unless an administrator chose a folder (a USB drive, a share). */
  defaultFolder: string;
  /** The local, never-synced settings (the folder is this machine's, not the site's). */
  meta: { get(key: string): string | undefined; set(key: string, value: string): Promise<void> };
  timeZone: () => Promise<string>;
  /** Local settings a restored copy must not take back from the past (who this machine is to shore). */
  keepMeta: readonly string[];
  /** Told after a restore, inside the writers' queue, so nothing writes before shore is asked again. */
  afterRestore: () => void;
  log: Logger;
}

const FOLDER_KEY = 'backup.folder';
const LAST_KEY = 'backup.last_at';
const stampOf = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
const isoOfStamp = (s: string) =>
  `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.000Z`;

/** `integrity_check` of a database file: 'ok' or the first problems SQLite reports. */
export function checkIntegrity(path: string): string {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  } catch (err) {
    // A file damaged enough that SQLite cannot even read its schema says so by throwing.
    return err instanceof Error ? err.message : String(err);
  } finally {
    db?.close();
  }
}

function fsyncPath(path: string) {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The kiosk's own backups: a consistent copy of the live database through SQLite's online backup
 * API (a read snapshot, so writers go on; never a copy of the file and its WAL), made a single
 * self-contained file, checked with `integrity_check`, fsync'd and only then renamed into place,
 * so a backup in the folder is always whole. Restore keeps a safety copy of the current database,
 * copies the backup into the live file through the same API (the store's other connections see
 * the new content), brings its schema up to date and lets the kiosk reconcile with shore.
 *
 * @example
 * const backups = createKioskBackups({ store, dbPath, migrationsDir, deviceId, clock, defaultFolder, meta, timeZone, afterRestore, log });
 * await backups.takeNow();
 */
export function createKioskBackups(deps: KioskBackupsDeps) {
  const prefix = `shiftdeck-${deps.deviceId}-`;
  const pattern = new RegExp(`^${prefix}(safety-)?(\\d{8}T\\d{6}Z)\\.db$`);
  const folder = () => deps.meta.get(FOLDER_KEY) ?? deps.defaultFolder;

  const list = (): BackupFile[] => {
    let names: string[];
    try {
      names = readdirSync(folder());
    } catch {
      return [];
    }
    const out: BackupFile[] = [];
    for (const file of names) {
      const m = pattern.exec(file);
      if (!m) continue;
      out.push({ file, takenAt: isoOfStamp(m[2]), bytes: statSync(join(folder(), file)).size, safety: !!m[1] });
    }
    return out.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.file < b.file ? 1 : -1));
  };

  /** Copies the live database to `name` in the folder, whole or not at all. */
  const copyTo = async (name: string): Promise<BackupFile> => {
    const dir = folder();
    try {
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new AppError(
        'VALIDATION_FAILED',
        `The backup folder ${dir} cannot be used (${(err as Error).message}): plug the drive in or choose another folder.`,
        { issues: [{ path: 'folder', message: 'This folder cannot be written' }] },
      );
    }
    const partial = join(dir, `.${name}.partial`);
    const source = new Database(deps.dbPath, { readonly: true, fileMustExist: true });
    try {
      // All pages in one step: one read snapshot, however busy the writers are.
      await source.backup(partial, { progress: () => 0x7fffffff });
    } catch (err) {
      try {
        unlinkSync(partial);
      } catch {
        /* nothing was written */
      }
      throw err;
    } finally {
      source.close();
    }
    // The copy keeps the live file's WAL mode; as a single file it can go on a stick or a share.
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const integrity = checkIntegrity(partial);
    if (integrity !== 'ok') {
      unlinkSync(partial);
      throw new Error(`The backup copy failed its integrity check (${integrity}); nothing was kept.`);
    }
    fsyncPath(partial);
    const final = join(dir, name);
    renameSync(partial, final);
    fsyncPath(dir);
    return { file: name, takenAt: '', bytes: statSync(final).size, safety: name.includes('-safety-') };
  };

  const nowIso = () => new Date(deps.clock.now()).toISOString();

  return {
    folder,
    list,
    /** When the last backup succeeded, wherever it went; null before the first. */
    lastBackupAt: (): string | null => deps.meta.get(LAST_KEY) ?? list().find((b) => !b.safety)?.takenAt ?? null,

    /** Where backups go from now on: an absolute path that exists or can be made, e.g. a USB drive. */
    async setFolder(dir: string) {
      try {
        mkdirSync(dir, { recursive: true });
        statSync(dir);
      } catch (err) {
        throw new AppError(
          'VALIDATION_FAILED',
          `The folder ${dir} cannot be used for backups (${(err as Error).message}).`,
          { issues: [{ path: 'folder', message: 'This folder cannot be written' }] },
        );
      }
      await deps.meta.set(FOLDER_KEY, dir);
    },

    /** Takes a backup now, then removes the ones the retention rule no longer keeps. */
    async takeNow(): Promise<BackupFile> {
      const takenAt = nowIso();
      const made = await copyTo(`${prefix}${stampOf(takenAt)}.db`);
      // Remembered apart from the folder: a drive pulled out must not hide how old the last copy is.
      await deps.meta.set(LAST_KEY, takenAt);
      await this.prune();
      return { ...made, takenAt: isoOfStamp(stampOf(takenAt)) };
    },

    /** Deletes the regular backups the retention rule does not keep; safety copies stay. */
    async prune(): Promise<string[]> {
      const regular = list().filter((b) => !b.safety);
      const keep = backupsToKeep(
        regular.map((b) => b.takenAt),
        nowIso(),
        await deps.timeZone(),
      );
      const removed: string[] = [];
      for (const b of regular) {
        if (keep.has(b.takenAt)) continue;
        unlinkSync(join(folder(), b.file));
        removed.push(b.file);
      }
      return removed;
    },

    /**
     * Replaces the live database with backup `file` (a name from `list`). The current database is
     * first copied to a safety backup; a backup that fails its integrity check is refused and the
     * database left as it was.
     */
    async restore(file: string): Promise<{ safetyCopy: string; restoredAt: string }> {
      const chosen = list().find((b) => b.file === file);
      if (!chosen)
        throw new AppError('NOT_FOUND', `No backup named ${file} in ${folder()}: choose one from the list.`, {
          issues: [{ path: 'file', message: 'Not in the backup folder' }],
        });
      const path = join(folder(), chosen.file);
      const integrity = checkIntegrity(path);
      if (integrity !== 'ok')
        throw new AppError(
          'VALIDATION_FAILED',
          `The backup ${file} is damaged (${integrity}); the database was left as it was. Choose another backup.`,
          { issues: [{ path: 'file', message: 'Damaged backup' }] },
        );
      return deps.store.exclusive(async () => {
        const safety = await copyTo(`${prefix}safety-${stampOf(nowIso())}.db`);
        const kept = deps.keepMeta.map((k) => [k, deps.meta.get(k)] as const);
        const source = new Database(path, { readonly: true, fileMustExist: true });
        try {
          await source.backup(deps.dbPath, { progress: () => 0x7fffffff });
        } finally {
          source.close();
        }
        // A backup made by an older version of the app gets the migrations it lacks.
        migrate(deps.store.raw, deps.store.gate, loadMigrations(deps.migrationsDir));
        const raw = deps.store.raw;
        raw.transaction(() => {
          for (const [k, v] of kept) {
            if (v === undefined) raw.prepare('DELETE FROM meta WHERE key = ?').run(k);
            else
              raw
                .prepare(
                  'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
                )
                .run(k, v);
          }
        })();
        deps.afterRestore();
        deps.log.warn({ file, safetyCopy: safety.file }, 'database restored from a backup; reconciling with shore');
        return { safetyCopy: safety.file, restoredAt: nowIso() };
      });
    },
  };
}

export type KioskBackups = ReturnType<typeof createKioskBackups>;
