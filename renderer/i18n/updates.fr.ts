/** Textes français du panneau Mises à jour de l’écran d’administration (fusionnés dans fr.ts sous `updates`). */
export const updatesFr = {
  title: 'Mises à jour de ce site',
  explain:
    'Les postes prennent les nouvelles versions sur le serveur de mises à jour du site et ne les installent que dans la fenêtre d’installation. Essayez une version sur un site pilote ou une part des postes d’abord\u00A0; revenez en arrière en gardant une version antérieure.',
  running: 'Versions installées sur les postes',
  noReports: 'Aucun poste n’a encore indiqué sa version.',
  kiosks_one: 'sur {{count}} poste',
  kiosks_many: 'sur {{count}} postes',
  kiosks_other: 'sur {{count}} postes',
  thisKiosk: 'celui-ci',
  ring: 'Versions que prend ce site',
  rings: {
    pilot: { name: 'Pilote', hint: 'La version la plus récente, avant les autres sites' },
    broad: { name: 'Générale', hint: 'La version que tous les sites reçoivent une fois le pilote réussi' },
  },
  percent: 'Part des postes de ce site qui se mettent à jour maintenant',
  percentHint:
    'Les mêmes postes passent en premier à chaque fois\u00A0; augmenter la part les garde. À 0\u00A0%, aucun poste ne change de version.',
  windowStart: 'Fenêtre d’installation à partir de',
  windowEnd: 'Fenêtre d’installation jusqu’à (heure du site)',
  pinned: 'Garder cette version (ou y revenir)',
  pinnedHint:
    'Tous les postes du site l’installent dans la fenêtre, même plus ancienne. Laissez vide pour suivre les versions ci-dessus.',
  stayOn: 'Garder la version {{version}}',
  followRing: 'Suivre de nouveau les versions',
  badPercent: 'Saisissez une part entre 0 et 100.',
  badVersion: 'Écrivez une version comme le serveur la nomme, par exemple 1.4.0, ou laissez le champ vide.',
  save: 'Enregistrer la politique de mise à jour',
  saved:
    'Enregistré\u00A0: {{percent}}\u00A0% des postes suivent les versions {{ring}}, dès leur prochaine synchronisation.',
  savedPinned:
    'Enregistré\u00A0: tous les postes du site installent la version {{version}} dans la fenêtre, dès leur prochaine synchronisation.',
};
