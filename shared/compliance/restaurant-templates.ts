import { note, num, sign, yn, type ShippedTemplate } from './shipped-template.js';

/** Restaurant templates: the daily opening checklist, the HACCP temperature log and the allergen audit. */
export const RESTAURANT_TEMPLATES: readonly ShippedTemplate[] = [
  {
    code: 'RESTAURANT_OPENING',
    version: 1,
    reportType: 'inspection',
    siteKind: 'restaurant',
    title: { en: 'Daily opening checklist', fr: "Liste de contrôle d'ouverture" },
    content: {
      method: 'percentage',
      passMark: 90,
      sections: [
        {
          id: 'premises',
          title: { en: 'Premises', fr: 'Locaux' },
          items: [
            yn('floors_clean', 'Floors clean and dry', 'Sols propres et secs'),
            yn('pests_seen', 'Any sign of pests', 'Signe de nuisibles', { expect: 'no', critical: true }),
            yn(
              'handwash_stocked',
              'Hand-wash stations have soap and paper towels',
              'Lave-mains approvisionnés en savon et essuie-mains',
            ),
            yn('exits_clear', 'Emergency exits clear and unlocked', 'Issues de secours dégagées et déverrouillées', {
              critical: true,
            }),
          ],
        },
        {
          id: 'kitchen',
          title: { en: 'Kitchen', fr: 'Cuisine' },
          items: [
            num(
              'fridge_temp',
              'Walk-in fridge temperature',
              'Température de la chambre froide',
              { min: 0, max: 4, unit: '°C' },
              { critical: true },
            ),
            num('freezer_temp', 'Freezer temperature', 'Température du congélateur', { max: -18, unit: '°C' }),
            yn(
              'dates_checked',
              'Use-by dates checked, expired stock removed',
              'DLC vérifiées, produits périmés retirés',
            ),
            yn('sanitiser_ready', 'Sanitiser made up at the right strength', 'Désinfectant préparé au bon dosage'),
            yn('dishwasher_temp', 'Dishwasher rinse reaches 82 °C', 'Rinçage du lave-vaisselle à 82 °C', {
              allowNa: true,
            }),
          ],
        },
        {
          id: 'staff',
          title: { en: 'Staff', fr: 'Personnel' },
          items: [
            yn(
              'staff_fit',
              'No one on shift is unwell (vomiting, diarrhoea)',
              "Personne de l'équipe n'est malade (vomissements, diarrhée)",
              { critical: true },
            ),
            yn('uniforms', 'Clean uniforms, hair tied back', 'Tenues propres, cheveux attachés'),
            note('remarks', 'Remarks', 'Remarques'),
            sign('opened_by', 'Signature of the person opening', 'Signature de la personne qui ouvre'),
          ],
        },
      ],
    },
  },
  {
    code: 'HACCP_TEMPERATURE_LOG',
    version: 1,
    reportType: 'safety',
    siteKind: 'restaurant',
    title: { en: 'HACCP temperature log', fr: 'Relevé des températures HACCP' },
    content: {
      method: 'pass_fail',
      sections: [
        {
          id: 'cold_holding',
          title: { en: 'Cold holding', fr: 'Maintien au froid' },
          items: [
            num(
              'fridge_1',
              'Fridge 1 (dairy)',
              'Réfrigérateur 1 (produits laitiers)',
              { min: 0, max: 4, unit: '°C' },
              { critical: true },
            ),
            num(
              'fridge_2',
              'Fridge 2 (meat and fish)',
              'Réfrigérateur 2 (viandes et poissons)',
              { min: 0, max: 3, unit: '°C' },
              { critical: true },
            ),
            num(
              'salad_bar',
              'Salad bar',
              'Bar à salades',
              { min: 0, max: 5, unit: '°C' },
              { critical: true, allowNa: true },
            ),
            num('freezer', 'Freezer', 'Congélateur', { max: -18, unit: '°C' }, { critical: true }),
          ],
        },
        {
          id: 'cooking',
          title: { en: 'Cooking and hot holding', fr: 'Cuisson et maintien au chaud' },
          items: [
            num(
              'core_cooked',
              'Core temperature of cooked poultry',
              'Température à cœur de la volaille cuite',
              { min: 75, unit: '°C' },
              { critical: true },
            ),
            num(
              'hot_holding',
              'Hot holding (bain-marie)',
              'Maintien au chaud (bain-marie)',
              { min: 63, unit: '°C' },
              { critical: true, allowNa: true },
            ),
            num(
              'cooling_90',
              'Cooked food after 90 minutes of cooling',
              'Aliments cuits après 90 minutes de refroidissement',
              { max: 10, unit: '°C' },
              { critical: true, allowNa: true },
            ),
          ],
        },
        {
          id: 'sign_off',
          title: { en: 'Sign-off', fr: 'Validation' },
          items: [
            note('corrective', 'Corrective action taken, if any', 'Action corrective menée, le cas échéant'),
            sign('checked_by', 'Checked by', 'Contrôlé par'),
          ],
        },
      ],
    },
  },
  {
    code: 'ALLERGEN_AUDIT',
    version: 1,
    reportType: 'audit',
    siteKind: 'restaurant',
    title: { en: 'Allergen audit', fr: 'Audit allergènes' },
    content: {
      method: 'weighted',
      passMark: 85,
      sections: [
        {
          id: 'information',
          title: { en: 'Allergen information', fr: 'Information allergènes' },
          weight: 2,
          passMark: 80,
          items: [
            yn(
              'matrix_current',
              "Allergen matrix covers every dish on today's menu",
              'La matrice des allergènes couvre chaque plat du menu du jour',
              { weight: 3, critical: true },
            ),
            yn(
              'fourteen_listed',
              'All 14 regulated allergens are listed',
              'Les 14 allergènes réglementés sont indiqués',
              { weight: 2 },
            ),
            yn(
              'notice_displayed',
              'Customer notice displayed ("ask us about allergens")',
              'Affichage client présent (« demandez-nous les allergènes »)',
            ),
            yn(
              'recipes_match',
              'Recipe cards match the supplier labels in stock',
              'Les fiches recettes correspondent aux étiquettes fournisseurs en stock',
              { weight: 2 },
            ),
          ],
        },
        {
          id: 'handling',
          title: { en: 'Storage and preparation', fr: 'Stockage et préparation' },
          weight: 2,
          items: [
            yn(
              'separate_storage',
              'Allergen ingredients stored separately and labelled',
              'Ingrédients allergènes stockés à part et étiquetés',
              { weight: 2 },
            ),
            yn(
              'colour_boards',
              'Colour-coded boards and utensils in use',
              'Planches et ustensiles à code couleur utilisés',
            ),
            yn(
              'free_from_prep',
              'Free-from orders prepared in a cleaned area',
              'Commandes « sans » préparées sur une zone nettoyée',
              { weight: 2, critical: true },
            ),
          ],
        },
        {
          id: 'people',
          title: { en: 'Staff knowledge', fr: 'Connaissances du personnel' },
          items: [
            yn(
              'staff_trained',
              'Everyone on shift holds a valid allergen certificate',
              "Toute l'équipe détient un certificat allergènes valide",
            ),
            yn(
              'staff_answer',
              'A server asked at random names the allergens of a dish',
              "Un serveur interrogé au hasard cite les allergènes d'un plat",
              { weight: 2 },
            ),
            note('findings', 'Findings', 'Constats'),
            sign('auditor', 'Auditor', 'Auditeur'),
          ],
        },
      ],
    },
  },
];
