import type { backupsEn } from './backups.en.js';

/** Textes français du panneau Sauvegardes (administrateurs) ; fusionnés dans fr.ts sous `backups`. */
export const backupsFr: typeof backupsEn = {
  title: 'Sauvegardes de ce poste',
  explain:
    'Une copie de la base de ce poste est faite toutes les 15 minutes. Placez le dossier sur une clé USB ou un partage réseau, pour qu’une copie survive à une panne de cette machine.',
  last: 'Dernière sauvegarde : {{time}}',
  none: 'Aucune sauvegarde pour l’instant.',
  folder: 'Dossier des sauvegardes',
  folderHint: 'Un chemin complet, par ex. /media/usb/shiftdeck',
  saveFolder: 'Utiliser ce dossier',
  takeNow: 'Sauvegarder maintenant',
  listTitle: 'Copies restaurables',
  safety: 'Copie de sécurité avant une restauration',
  size: '{{size}} Mo',
  restore: 'Restaurer',
  restoreFor: 'Restaurer la sauvegarde du {{time}}',
  confirm: {
    title: 'Restaurer cette sauvegarde ?',
    body: 'Le poste revient à sa base du {{time}}. Une copie de sécurité de la base actuelle est d’abord conservée. Tout ce qui est parvenu au siège revient ; les modifications faites ici depuis le {{time}} qui n’y sont jamais parvenues sont perdues.',
    confirm: 'Restaurer',
  },
  notices: {
    taken: 'Sauvegarde faite ({{time}}).',
    restored:
      'Sauvegarde du {{time}} restaurée. Le poste se remet à jour auprès du siège. Copie de sécurité : {{file}}',
    folderSaved: 'Les sauvegardes vont désormais dans {{folder}}.',
  },
};
