import type { backupsContract } from '../../../shared/backups/contract.js';
import { AppError } from '../../../shared/errors.js';
import type { Handlers } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';

type BackupsHandlers = Pick<Handlers, keyof typeof backupsContract>;

export function createBackupsHandlers(deps: HandlerDeps): BackupsHandlers {
  const backups = () => {
    if (!deps.backups) throw new AppError('NOT_FOUND', 'This kiosk keeps no backups.');
    return deps.backups;
  };
  const listing = () => {
    const b = backups();
    const all = b.list();
    return { folder: b.folder(), backups: all, lastBackupAt: b.lastBackupAt() };
  };
  return {
    'backups.list': async () => listing(),
    'backups.takeNow': () => backups().takeNow(),
    'backups.setFolder': async (input) => {
      await backups().setFolder(input.folder);
      return listing();
    },
    'backups.restore': (input) => backups().restore(input.file),
  };
}
