import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { MethodOutput } from '../../shared/api/contract.js';
import type { ErrorData } from '../../shared/errors.js';

export type BackupListing = MethodOutput<'backups.list'>;
export type BackupEntry = BackupListing['backups'][number];

/** What the last action did, for a short confirmation the screen translates. */
export type BackupsNotice =
  | { kind: 'taken'; takenAt: string }
  | { kind: 'restored'; takenAt: string; safetyCopy: string }
  | { kind: 'folder-saved'; folder: string };

export interface BackupsState {
  listing: BackupListing | null;
  busy: boolean;
  error: ErrorData | null;
  notice: BackupsNotice | null;
  /** The backup a person chose to restore, waiting for their confirmation. */
  pendingRestore: BackupEntry | null;
  load(): Promise<void>;
  takeNow(): Promise<boolean>;
  setFolder(folder: string): Promise<boolean>;
  askRestore(file: string): void;
  cancelRestore(): void;
  confirmRestore(): Promise<boolean>;
  clear(): void;
}

/** This kiosk's backups: the list, a backup now, the folder, and restoring one (after a confirmation). */
export function createBackupsStore({ api }: { api: Pick<ApiClient, 'call'> }) {
  return createStore<BackupsState>()((set, get) => ({
    listing: null,
    busy: false,
    error: null,
    notice: null,
    pendingRestore: null,

    async load() {
      const r = await api.call('backups.list', {});
      if (r.ok) set({ listing: r.value });
      else set({ error: r.error });
    },

    async takeNow() {
      set({ busy: true, error: null, notice: null });
      const r = await api.call('backups.takeNow', {});
      if (!r.ok) {
        set({ busy: false, error: r.error });
        return false;
      }
      await get().load();
      set({ busy: false, notice: { kind: 'taken', takenAt: r.value.takenAt } });
      return true;
    },

    async setFolder(folder) {
      set({ busy: true, error: null, notice: null });
      const r = await api.call('backups.setFolder', { folder });
      if (!r.ok) {
        set({ busy: false, error: r.error });
        return false;
      }
      set({ busy: false, listing: r.value, notice: { kind: 'folder-saved', folder: r.value.folder } });
      return true;
    },

    askRestore(file) {
      const entry = get().listing?.backups.find((b) => b.file === file) ?? null;
      set({ pendingRestore: entry, error: null, notice: null });
    },

    cancelRestore() {
      set({ pendingRestore: null });
    },

    async confirmRestore() {
      const chosen = get().pendingRestore;
      if (!chosen) return false;
      set({ busy: true, error: null, notice: null });
      const r = await api.call('backups.restore', { file: chosen.file });
      if (!r.ok) {
        set({ busy: false, pendingRestore: null, error: r.error });
        return false;
      }
      await get().load();
      set({
        busy: false,
        pendingRestore: null,
        notice: { kind: 'restored', takenAt: chosen.takenAt, safetyCopy: r.value.safetyCopy },
      });
      return true;
    },

    clear() {
      set({ listing: null, busy: false, error: null, notice: null, pendingRestore: null });
    },
  }));
}

export type BackupsStore = ReturnType<typeof createBackupsStore>;
