import { siteClock } from '../../../shared/classes/site-time.js';

/**
 * The words of the training report files, in the kiosk's language. The exports are written in
 * the core (no i18next there), so they keep their own short dictionary, like the certificate PDF.
 */
export const REPORT_WORDS = {
  en: {
    title: 'Training report',
    site: 'Site',
    period: 'Period',
    granularity: { day: 'By day', week: 'By week', month: 'By month' },
    generated: 'Exported',
    summary: 'Summary',
    attempts: 'Attempts',
    completions: 'Completions',
    passRate: 'Pass rate (%)',
    meanScore: 'Mean score (%)',
    issued: 'Certificates issued',
    expiring: 'Certificates expiring',
    trend: 'Trend',
    bucket: 'Starting',
    modules: 'Modules',
    module: 'Module',
    code: 'Code',
    started: 'Started reading',
    stoppedAtAssessment: 'Stopped at the assessment',
    sections: 'Time per section',
    section: 'Section',
    learners: 'Readers',
    meanMinutes: 'Mean time (min)',
    medianMinutes: 'Median time (min)',
    stoppedHere: 'Stopped here',
    missed: 'Questions most often missed',
    question: 'Question',
    answered: 'Answered',
    missedCount: 'Missed',
    missRate: 'Missed (%)',
    certificates: 'Certificates',
    number: 'Number',
    holder: 'Holder',
    event: 'Event',
    events: { issued: 'Issued', expiring: 'Expiring' },
    issuedAt: 'Issued on',
    expiresAt: 'Expires on',
    none: 'None in this period.',
  },
  fr: {
    title: 'Rapport de formation',
    site: 'Site',
    period: 'Période',
    granularity: { day: 'Par jour', week: 'Par semaine', month: 'Par mois' },
    generated: 'Exporté le',
    summary: 'Synthèse',
    attempts: 'Tentatives',
    completions: 'Réussites',
    passRate: 'Taux de réussite (%)',
    meanScore: 'Score moyen (%)',
    issued: 'Certificats délivrés',
    expiring: 'Certificats arrivant à échéance',
    trend: 'Évolution',
    bucket: 'À partir du',
    modules: 'Modules',
    module: 'Module',
    code: 'Code',
    started: 'Lecture commencée',
    stoppedAtAssessment: 'Arrêtés à l’évaluation',
    sections: 'Temps par section',
    section: 'Section',
    learners: 'Lecteurs',
    meanMinutes: 'Temps moyen (min)',
    medianMinutes: 'Temps médian (min)',
    stoppedHere: 'Arrêtés ici',
    missed: 'Questions les plus souvent manquées',
    question: 'Question',
    answered: 'Réponses',
    missedCount: 'Manquées',
    missRate: 'Manquées (%)',
    certificates: 'Certificats',
    number: 'Numéro',
    holder: 'Titulaire',
    event: 'Événement',
    events: { issued: 'Délivré', expiring: 'Échéance' },
    issuedAt: 'Délivré le',
    expiresAt: 'Expire le',
    none: 'Aucun sur cette période.',
  },
} as const;

export type ReportLocale = keyof typeof REPORT_WORDS;

/** Minutes from seconds, one decimal: reports speak minutes, the rows keep seconds. */
export const minutes = (seconds: number | null): number | null =>
  seconds === null ? null : Math.round((seconds / 60) * 10) / 10;

/** An instant as the site's calendar date (YYYY-MM-DD), the form both files print. */
export const siteDate = (iso: string | null, timeZone: string): string => (iso ? siteClock(iso, timeZone).date : '');
