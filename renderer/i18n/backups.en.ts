/** English texts of the Backups panel (administrators); merged into en.ts as `backups`. */
export const backupsEn = {
  title: 'Backups of this kiosk',
  explain:
    'A copy of this kiosk’s database is made every 15 minutes. Keep the folder on a USB drive or a network share, so a copy survives if this machine fails.',
  last: 'Last backup: {{time}}',
  none: 'No backup yet.',
  folder: 'Backup folder',
  folderHint: 'A full path, e.g. /media/usb/shiftdeck',
  saveFolder: 'Use this folder',
  takeNow: 'Back up now',
  listTitle: 'Copies you can restore',
  safety: 'Safety copy before a restore',
  size: '{{size}} MB',
  restore: 'Restore',
  restoreFor: 'Restore the backup of {{time}}',
  confirm: {
    title: 'Restore this backup?',
    body: 'The kiosk goes back to its database of {{time}}. A safety copy of the database as it is now is kept first. Everything that reached the shore office comes back; changes made here since {{time}} that never reached it are lost.',
    confirm: 'Restore',
  },
  notices: {
    taken: 'Backup made ({{time}}).',
    restored: 'Restored the backup of {{time}}. The kiosk is catching up with the shore office. Safety copy: {{file}}',
    folderSaved: 'Backups now go to {{folder}}.',
  },
};
