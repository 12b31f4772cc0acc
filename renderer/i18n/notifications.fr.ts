import type { notificationsEn } from './notifications.en.js';

/** Textes français de l'espace notifications ; fusionnés dans fr.ts sous `notifications`. */
export const notificationsFr: typeof notificationsEn = {
  homeTitle: 'Pour vous',
  empty: 'Rien ne demande votre attention.',
  dismiss: 'Marquer comme lu',
  urgentHint: 'Urgent : accusez réception ci-dessus avec votre code.',
  forRole: 'Pour : {{role}}',
  urgent: {
    title: 'Alerte urgente',
    who: 'Qui accuse réception ?',
    pin: 'Code',
    acknowledge: 'Accuser réception',
    chooseFirst: "Touchez d'abord votre nom, puis tapez votre code.",
    nobody: "Personne sur ce site n'a ce rôle : un administrateur doit y répondre.",
  },
  kind: {
    incident_escalated: {
      title: 'Incident remonté à : {{level}}',
      body: '{{severity}} · {{type}} : {{what}}',
    },
    sla_breached: {
      title: 'Délai de réponse dépassé : remonté à {{level}}',
      body: '{{severity}} · {{type}} : {{what}}',
    },
    report_due: { title: 'Rapport à rendre : {{title}}', body: 'À rendre le {{due}}.' },
    report_missed: { title: 'Rapport manqué : {{title}}', body: 'Il était à rendre le {{due}}.' },
    training_assigned: { title: 'Formation attribuée : {{title}}', body: 'À terminer le {{due}}.' },
    training_due: { title: 'Formation à terminer : {{title}}', body: '{{who}} : à terminer le {{due}}.' },
    training_overdue: { title: 'Formation en retard : {{title}}', body: '{{who}} : elle était due le {{due}}.' },
    certificate_issued: { title: 'Certificat délivré : {{title}}', body: 'Certificat {{number}}.' },
    certificate_expiring: {
      title: 'Certificat bientôt expiré : {{title}}',
      body: "{{who}} : valable jusqu'au {{expires}}.",
    },
    fuel_anomaly: { title: 'Relevé de carburant inhabituel', body: '{{what}}' },
    link_failover: { title: 'Liaison avec la terre basculée', body: '{{what}}' },
    health_alert: { title: 'Alerte de santé du terminal', body: '{{what}}' },
  },
};
