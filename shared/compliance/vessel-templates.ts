import { note, num, sign, yn, type ShippedTemplate } from './shipped-template.js';

/** ISM audit findings: a conformity passes; a non-conformity fails (a major one costs points). */
const finding = (id: string, en: string, fr: string, extra: object = {}) => ({
  id,
  kind: 'choice' as const,
  label: { en, fr },
  allowNa: true,
  options: [
    { id: 'conform', label: { en: 'Conforms', fr: 'Conforme' }, pass: true },
    { id: 'observation', label: { en: 'Observation', fr: 'Observation' }, pass: true },
    { id: 'minor_nc', label: { en: 'Non-conformity', fr: 'Non-conformité' }, pass: false },
    { id: 'major_nc', label: { en: 'Major non-conformity', fr: 'Non-conformité majeure' }, pass: false },
  ],
  ...extra,
});

/** Vessel templates: ISM internal audit, weekly fire and life-saving check, oil record book, drill record. */
export const VESSEL_TEMPLATES: readonly ShippedTemplate[] = [
  {
    code: 'ISM_INTERNAL_AUDIT',
    version: 1,
    reportType: 'audit',
    siteKind: 'vessel',
    title: { en: 'ISM internal audit', fr: 'Audit interne ISM' },
    content: {
      method: 'weighted',
      passMark: 80,
      sections: [
        {
          id: 'sms',
          title: { en: 'Safety management system', fr: 'Système de gestion de la sécurité' },
          weight: 2,
          passMark: 75,
          items: [
            finding(
              'policy_known',
              'Safety and environment policy known to the crew (ISM 2)',
              "Politique de sécurité et d'environnement connue de l'équipage (ISM 2)",
            ),
            finding(
              'master_authority',
              "Master's overriding authority stated and understood (ISM 5)",
              'Autorité prépondérante du capitaine énoncée et comprise (ISM 5)',
              { weight: 2 },
            ),
            finding(
              'dpa_known',
              'Crew know the designated person ashore (ISM 4)',
              "L'équipage connaît la personne désignée à terre (ISM 4)",
            ),
            finding(
              'documents_current',
              'SMS manuals on board are the current revision (ISM 11)',
              'Les manuels du SGS à bord sont à la dernière révision (ISM 11)',
            ),
          ],
        },
        {
          id: 'operations',
          title: { en: 'Shipboard operations', fr: 'Opérations à bord' },
          weight: 3,
          items: [
            finding(
              'familiarisation',
              'New crew familiarisation recorded before duties (ISM 6)',
              'Familiarisation des nouveaux marins consignée avant prise de poste (ISM 6)',
              { weight: 2 },
            ),
            finding(
              'checklists_used',
              'Critical operation checklists completed (ISM 7)',
              'Listes de contrôle des opérations critiques remplies (ISM 7)',
              { weight: 2, critical: true },
            ),
            finding(
              'drills_done',
              'Emergency drills held as scheduled (ISM 8)',
              "Exercices d'urgence réalisés selon le programme (ISM 8)",
              { weight: 2, critical: true },
            ),
            finding(
              'nc_reported',
              'Non-conformities and near misses reported and closed (ISM 9)',
              'Non-conformités et presque-accidents signalés et clôturés (ISM 9)',
            ),
            finding(
              'maintenance',
              'Planned maintenance up to date, critical equipment tested (ISM 10)',
              'Maintenance planifiée à jour, équipements critiques testés (ISM 10)',
              { weight: 2 },
            ),
          ],
        },
        {
          id: 'review',
          title: { en: 'Review and sign-off', fr: 'Revue et validation' },
          weight: 1,
          items: [
            finding(
              'last_audit_closed',
              'Findings of the last audit closed out (ISM 12)',
              'Constats du dernier audit clôturés (ISM 12)',
            ),
            note('summary', 'Audit summary', "Synthèse de l'audit"),
            { id: 'audit_date', kind: 'date', label: { en: 'Date of audit', fr: "Date de l'audit" } },
            sign('auditor', 'Auditor', 'Auditeur'),
          ],
        },
      ],
    },
  },
  {
    code: 'FIRE_LSA_WEEKLY',
    version: 1,
    reportType: 'safety',
    siteKind: 'vessel',
    title: {
      en: 'Weekly fire and life-saving equipment check',
      fr: 'Contrôle hebdomadaire incendie et engins de sauvetage',
    },
    content: {
      method: 'pass_fail',
      sections: [
        {
          id: 'fire',
          title: { en: 'Fire-fighting', fr: "Lutte contre l'incendie" },
          items: [
            yn(
              'detection_tested',
              'Fire detection and alarm panel tested, no faults',
              "Centrale de détection et d'alarme testée, aucun défaut",
              { critical: true },
            ),
            yn(
              'extinguishers',
              'Portable extinguishers in place, pressure in the green',
              'Extincteurs portatifs en place, pression dans le vert',
            ),
            yn('fire_doors', 'Fire doors close and latch', 'Les portes coupe-feu se ferment et se verrouillent', {
              critical: true,
            }),
            yn(
              'emergency_pump',
              'Emergency fire pump started and delivers',
              'Pompe incendie de secours démarrée et débitant',
              { critical: true },
            ),
            num('fire_main_pressure', 'Fire main pressure', 'Pression du collecteur incendie', {
              min: 5,
              max: 12,
              unit: 'bar',
            }),
          ],
        },
        {
          id: 'lsa',
          title: { en: 'Life-saving appliances', fr: 'Engins de sauvetage' },
          passMark: 100,
          items: [
            yn(
              'lifeboat_engine',
              'Lifeboat engines run ahead and astern for 3 minutes',
              'Moteurs des embarcations tournés 3 minutes en avant et en arrière',
              { critical: true },
            ),
            yn('general_alarm', 'General emergency alarm sounded', "Alarme générale d'urgence testée"),
            yn(
              'liferafts',
              'Liferafts secured, hydrostatic releases in date',
              'Radeaux saisis, largueurs hydrostatiques en date de validité',
            ),
            yn(
              'lifebuoys',
              'Lifebuoys with lights and smoke signals in place',
              'Bouées avec feux et signaux fumigènes en place',
            ),
            yn('epirb', 'EPIRB and SARTs self-tested', 'RLS et répondeurs radar autotestés', { critical: true }),
          ],
        },
        {
          id: 'sign_off',
          title: { en: 'Sign-off', fr: 'Validation' },
          items: [
            note('defects', 'Defects found', 'Défauts constatés'),
            sign('officer', 'Safety officer', 'Officier sécurité'),
          ],
        },
      ],
    },
  },
  {
    code: 'MARPOL_OIL_RECORD',
    version: 1,
    reportType: 'environmental',
    siteKind: 'vessel',
    title: { en: 'Oil record book / MARPOL check', fr: 'Registre des hydrocarbures / contrôle MARPOL' },
    content: {
      method: 'points',
      passMark: 12,
      sections: [
        {
          id: 'record_book',
          title: { en: 'Oil record book Part I', fr: 'Registre des hydrocarbures, partie I' },
          items: [
            yn(
              'entries_complete',
              'Every operation entered with its code and item number',
              'Chaque opération inscrite avec son code et son numéro',
              { weight: 3, failPoints: -3 },
            ),
            yn(
              'pages_signed',
              'Each completed page signed by the master',
              'Chaque page complétée signée par le capitaine',
              { weight: 2, failPoints: -2 },
            ),
            yn(
              'sludge_reconciled',
              'Sludge tank soundings match the record',
              'Les sondages de la caisse à boues concordent avec le registre',
              { weight: 2, failPoints: -2 },
            ),
            num(
              'sludge_tank',
              'Sludge tank level',
              'Niveau de la caisse à boues',
              { max: 80, unit: '%' },
              { weight: 1 },
            ),
          ],
        },
        {
          id: 'equipment',
          title: { en: 'Oily water separator', fr: "Séparateur d'eaux mazouteuses" },
          items: [
            num(
              'ows_ppm',
              'Oil content meter reading at discharge',
              'Teneur en hydrocarbures au rejet',
              { max: 15, unit: 'ppm' },
              { weight: 3, critical: true, failPoints: -10, allowNa: true },
            ),
            yn('alarm_tested', '15 ppm alarm and stop valve tested', "Alarme 15 ppm et vanne d'arrêt testées", {
              weight: 2,
              failPoints: -2,
            }),
            yn(
              'seal_intact',
              'Overboard valve seal intact and logged',
              'Scellé de la vanne de rejet intact et consigné',
              { weight: 2, failPoints: -5, critical: true },
            ),
            yn('garbage_record', 'Garbage record book up to date (Annex V)', 'Registre des ordures à jour (annexe V)', {
              weight: 1,
              failPoints: -1,
            }),
          ],
        },
        {
          id: 'sign_off',
          title: { en: 'Sign-off', fr: 'Validation' },
          items: [note('remarks', 'Remarks', 'Remarques'), sign('chief_engineer', 'Chief engineer', 'Chef mécanicien')],
        },
      ],
    },
  },
  {
    code: 'DRILL_RECORD',
    version: 1,
    reportType: 'training',
    siteKind: 'vessel',
    title: { en: 'Drill record', fr: "Compte rendu d'exercice" },
    content: {
      method: 'percentage',
      passMark: 80,
      sections: [
        {
          id: 'drill',
          title: { en: 'The drill', fr: "L'exercice" },
          items: [
            {
              id: 'drill_kind',
              kind: 'choice',
              label: { en: 'Kind of drill', fr: "Type d'exercice" },
              options: [
                { id: 'fire', label: { en: 'Fire', fr: 'Incendie' }, pass: true },
                { id: 'abandon', label: { en: 'Abandon ship', fr: 'Abandon du navire' }, pass: true },
                { id: 'mob', label: { en: 'Man overboard', fr: 'Homme à la mer' }, pass: true },
                { id: 'enclosed', label: { en: 'Enclosed space entry', fr: 'Entrée en espace confiné' }, pass: true },
                { id: 'oil_spill', label: { en: 'Oil spill (SOPEP)', fr: 'Pollution (SOPEP)' }, pass: true },
              ],
            },
            { id: 'drill_date', kind: 'date', label: { en: 'Date held', fr: 'Date' } },
            num(
              'muster_minutes',
              'Time for all crew to muster',
              "Durée du rassemblement de tout l'équipage",
              { min: 0, max: 10, unit: 'min' },
              { critical: true },
            ),
            yn('all_present', 'Everyone on the muster list accounted for', 'Toutes les personnes du rôle présentes', {
              critical: true,
            }),
          ],
        },
        {
          id: 'performance',
          title: { en: 'How it went', fr: 'Déroulement' },
          items: [
            yn('ppe_worn', 'Correct protective equipment worn', 'Équipements de protection adaptés portés'),
            yn('comms_worked', 'Radios and communications worked', 'Radios et communications opérationnelles'),
            yn(
              'equipment_used',
              'Equipment deployed or operated as in a real emergency',
              'Matériel déployé ou mis en œuvre comme en situation réelle',
              { allowNa: true },
            ),
            note('lessons', 'Lessons learnt', 'Enseignements'),
            {
              id: 'photo',
              kind: 'photo',
              label: { en: 'Photo of the drill', fr: "Photo de l'exercice" },
              required: false,
            },
            sign('master', 'Master', 'Capitaine'),
          ],
        },
      ],
    },
  },
];
