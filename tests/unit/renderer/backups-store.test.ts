import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../shared/api/client.js';
import { createBackupsStore } from '../../../renderer/stores/backups-store.js';
import { createFakeTransport, err, ok } from './fake-transport.js';

const backup = {
  file: 'shiftdeck-0193a7c2-0000-7000-8000-000000000001-20261122T091500Z.db',
  takenAt: '2026-11-22T09:15:00.000Z',
  bytes: 409600,
  safety: false,
};
const listing = { folder: '/media/usb/shiftdeck', backups: [backup], lastBackupAt: backup.takenAt };

describe('backups store', () => {
  it('restores only after the confirmation, then reloads the list and says which safety copy was kept', async () => {
    const fake = createFakeTransport({
      'backups.list': () => ok(listing),
      'backups.restore': () => ok({ safetyCopy: 'safety.db', restoredAt: '2026-11-22T09:20:00.000Z' }),
    });
    const store = createBackupsStore({ api: createApiClient(fake.transport) });
    await store.getState().load();
    store.getState().askRestore(backup.file);
    expect(fake.callsTo('backups.restore')).toHaveLength(0);
    store.getState().cancelRestore();
    expect(await store.getState().confirmRestore()).toBe(false);
    expect(fake.callsTo('backups.restore')).toHaveLength(0);

    store.getState().askRestore(backup.file);
    expect(await store.getState().confirmRestore()).toBe(true);
    expect(fake.callsTo('backups.restore')[0].input).toEqual({ file: backup.file });
    expect(store.getState().notice).toEqual({ kind: 'restored', takenAt: backup.takenAt, safetyCopy: 'safety.db' });
    expect(store.getState().pendingRestore).toBeNull();
    expect(fake.callsTo('backups.list')).toHaveLength(2);
  });

  it('keeps a refused folder as an error naming the field, and the list as it was', async () => {
    const fake = createFakeTransport({
      'backups.list': () => ok(listing),
      'backups.setFolder': () =>
        err('VALIDATION_FAILED', { issues: [{ path: 'folder', message: 'This folder cannot be written' }] }),
    });
    const store = createBackupsStore({ api: createApiClient(fake.transport) });
    await store.getState().load();
    expect(await store.getState().setFolder('/nowhere')).toBe(false);
    expect(store.getState().error?.code).toBe('VALIDATION_FAILED');
    expect(store.getState().listing?.folder).toBe('/media/usb/shiftdeck');
  });
});
