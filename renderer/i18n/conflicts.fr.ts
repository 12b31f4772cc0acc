import type { conflictsEn } from './conflicts.en.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Textes français des cartes de conflit ; fusionnés dans fr.ts sous `conflicts`. */
export const conflictsFr: Widen<typeof conflictsEn> = {
  lostTitle: 'Modifié à deux endroits : la modification la plus récente a été gardée',
  explain: 'La modification faite en dernier l’emporte. Si la valeur mise de côté est la bonne, remettez-la.',
  recordField: '{{record}} : {{field}}',
  kept: 'Gardée',
  mine: 'Mise de côté',
  keptWhere: 'modifiée le {{when}} sur {{device}}',
  mineWhere: 'modifiée le {{when}} par {{person}} sur {{device}}',
  empty: '(vide)',
  hidden: '(masquée)',
  unknownDevice: 'un autre terminal',
  unknownPerson: 'quelqu’un',
  useMine: 'Remettre la mienne',
  badge: '{{count}} à examiner',
  badgeLabel: 'Modifications à examiner : {{count}}. Ouvrir l’écran Synchronisation.',
  table: {
    users: 'Une personne',
    user_roles: 'Le rôle d’une personne',
    sites: 'Réglages du site',
    students: 'Un élève',
    classes: 'Un cours',
    training_modules: 'Un module de formation',
    other: 'Un enregistrement',
  },
  field: {
    users: { display_name: 'Nom', pin_hash: 'Code PIN', locale: 'Langue', active: 'Actif' },
    user_roles: { role_id: 'Rôle' },
    sites: { name: 'Nom', timezone: 'Fuseau horaire', idle_lock_seconds: 'Verrouillage de l’écran après (secondes)' },
    students: { first_name: 'Prénom', last_name: 'Nom', course: 'Cours', start_date: 'Date de début', end_date: 'Date de fin', schedule: 'Horaire de la semaine', deleted_at: 'Retiré' },
    classes: { status: 'Présence', payment_status: 'Paiement', starts_at: 'Heure', duration_minutes: 'Durée (minutes)', course: 'Cours', deleted_at: 'Retiré' },
    training_modules: { title_en: 'Titre (anglais)', title_fr: 'Titre (français)', description_en: 'Description (anglais)', description_fr: 'Description (français)', status: 'Statut', pass_threshold: 'Note de réussite', max_attempts: 'Tentatives permises', estimated_minutes: 'Durée (minutes)' },
    other: 'Champ « {{field}} »',
  },
};
