import type { linksEn } from './links.en.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Textes français de l’écran Liaisons ; fusionnés dans fr.ts sous `links`. */
export const linksFr: Widen<typeof linksEn> = {
  title: 'Liaisons avec la terre',
  notConfigured:
    'Ce poste ne connaît qu’un seul chemin vers la terre : il n’y a rien entre quoi basculer. Les routes (concentrateur, 4G, satellite) se règlent dans ses paramètres.',
  routesTitle: 'Routes',
  state: { unknown: 'Vérification…', up: 'En service', down: 'Coupée' },
  inUse: 'Utilisée',
  priority: 'Choix {{n}}',
  expensive: 'Coûteuse : pas de gros envois',
  loss: 'Pertes {{value}}',
  latency: '{{ms}} ms',
  noLatency: 'Pas de réponse',
  useThis: 'Utiliser cette route',
  automatic: 'Choisir automatiquement',
  pinned: 'Choisie à la main : le retour automatique est suspendu jusqu’au retour au choix automatique.',
  test: 'Tester la bascule',
  testing: 'Test de bascule en cours : le trafic revient de lui-même d’ici 30 secondes.',
  chartTitle: 'Latence, 10 dernières minutes',
  chartLabel: 'Latence de chaque route en millisecondes sur les 10 dernières minutes',
  historyTitle: 'Bascules',
  noHistory: 'Aucune bascule pour l’instant.',
  kind: { failover: 'Bascule', failback: 'Retour', manual: 'Bascule manuelle', test: 'Test' },
  fromTo: '{{from}} → {{to}}',
  queued_one: '{{count}} modification en attente',
  queued_many: '{{count}} modifications en attente',
  queued_other: '{{count}} modifications en attente',
  reason: {
    failover: '{{from}} ne répondait plus',
    failback: '{{to}} répond bien de nouveau',
    manual: 'choisie à la main',
    test: 'test de bascule',
  },
  failingFor: 'sans réponse pendant {{seconds}} s',
  usedFor: '{{seconds}} s sur {{from}}',
};
