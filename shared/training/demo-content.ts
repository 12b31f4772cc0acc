/**
 * The organisation's shipped training content (site_id NULL), seeded identically on every kiosk
 * and on the server with ids derived from the module codes. Written for a real kitchen and a
 * real crew, in English and French; see reference-content.ts on each side for the seeding.
 */
import type { ContentModule, ContentPath, ContentQuestion, L } from './content-types.js';
import { EXTINGUISHER_PRACTICAL } from './demo-practical.js';

export type { ContentModule, ContentPath, ContentPracticalItem, ContentQuestion, L } from './content-types.js';

const o = (id: string, en: string, fr: string) => ({ id, en, fr });
const q = (
  kind: 'single' | 'multiple',
  weight: number,
  prompt: L,
  options: ContentQuestion['options'],
  correct: string[],
  explanation: L,
): ContentQuestion => ({ kind, weight, prompt, options, correct, explanation });

const FOOD_SAFETY: ContentModule = {
  code: 'FOOD_SAFETY_101',
  version: 1,
  title: { en: 'Food safety basics', fr: 'Les bases de la sécurité alimentaire' },
  description: {
    en: 'Temperatures, hand washing, cross-contamination and cleaning: what every person in the kitchen does on every shift.',
    fr: 'Températures, lavage des mains, contaminations croisées et nettoyage : ce que chaque personne en cuisine fait à chaque service.',
  },
  objectives: {
    en: [
      'Keep food out of the danger zone (5-63 °C)',
      'Wash hands at the right moments',
      'Prevent cross-contamination',
      'Clean and sanitise in the right order',
    ],
    fr: [
      'Garder les aliments hors de la zone de danger (5-63 °C)',
      'Se laver les mains aux bons moments',
      'Éviter les contaminations croisées',
      'Nettoyer et désinfecter dans le bon ordre',
    ],
  },
  difficulty: 1,
  estimatedMinutes: 20,
  prerequisites: [],
  passThreshold: 80,
  maxAttempts: 3,
  cooldownMinutes: 30,
  validityDays: 365,
  sections: [
    {
      title: { en: 'The danger zone', fr: 'La zone de danger' },
      body: {
        en: 'Bacteria multiply fastest between 5 °C and 63 °C. Keep cold food at 5 °C or below and hot food at 63 °C or above.\n\n- Check and write down fridge temperatures at opening and at closing.\n- Cook poultry and minced meat until the core reaches 75 °C; check with a clean probe.\n- Cool cooked food to below 8 °C within 90 minutes: shallow trays, ice bath, never on the worktop overnight.\n- Reheat only once, to 75 °C at the core.',
        fr: 'Les bactéries se multiplient le plus vite entre 5 °C et 63 °C. Gardez les aliments froids à 5 °C ou moins et les plats chauds à 63 °C ou plus.\n\n- Relevez et notez la température des frigos à l’ouverture et à la fermeture.\n- Cuisez volailles et viandes hachées jusqu’à 75 °C à cœur ; vérifiez avec une sonde propre.\n- Refroidissez les plats cuits sous 8 °C en moins de 90 minutes : bacs plats, bain de glace, jamais sur le plan de travail pendant la nuit.\n- Ne réchauffez qu’une seule fois, à 75 °C à cœur.',
      },
      image: 'thermometer.svg',
    },
    {
      title: { en: 'Hand washing', fr: 'Le lavage des mains' },
      body: {
        en: 'Hands carry more germs into food than anything else. Wash at the hand basin only, never in a food sink.\n\n- Wet, soap, rub for at least 20 seconds: palms, backs, between fingers, thumbs, nails, wrists.\n- Rinse and dry with a single-use towel; turn the tap off with the towel.\n- Wash when you arrive, after the toilet, after a break, after handling raw meat, fish or eggs, after touching waste or your face, and between tasks.\n- Gloves do not replace hand washing: change them whenever you would wash your hands.',
        fr: 'Les mains apportent plus de germes dans les aliments que tout le reste. Lavez-les au lave-mains uniquement, jamais dans un bac alimentaire.\n\n- Mouillez, savonnez, frottez au moins 20 secondes : paumes, dos, entre les doigts, pouces, ongles, poignets.\n- Rincez et séchez avec un essuie-mains à usage unique ; fermez le robinet avec l’essuie-mains.\n- Lavez-vous les mains en arrivant, après les toilettes, après une pause, après avoir manipulé viande, poisson ou œufs crus, après avoir touché les déchets ou votre visage, et entre deux tâches.\n- Les gants ne remplacent pas le lavage : changez-les chaque fois que vous devriez vous laver les mains.',
      },
      image: null,
    },
    {
      title: { en: 'Cross-contamination', fr: 'Les contaminations croisées' },
      body: {
        en: 'Raw food must never touch, drip on or share equipment with ready-to-eat food.\n\n- Colour-coded boards: red raw meat, blue raw fish, yellow cooked meat, green fruit and vegetables, white bread and dairy.\n- In the fridge: ready-to-eat food on top, raw meat and fish at the bottom, everything covered, labelled and dated.\n- Separate knives and utensils, or wash and sanitise them between raw and cooked.\n- First in, first out: use the oldest date first and throw away anything past its use-by date.',
        fr: 'Les aliments crus ne doivent jamais toucher, goutter sur ou partager du matériel avec les aliments prêts à consommer.\n\n- Planches de couleur : rouge viande crue, bleu poisson cru, jaune viande cuite, vert fruits et légumes, blanc pain et produits laitiers.\n- Au frigo : prêt-à-consommer en haut, viande et poisson crus en bas, tout couvert, étiqueté et daté.\n- Couteaux et ustensiles séparés, ou lavés et désinfectés entre cru et cuit.\n- Premier entré, premier sorti : utilisez d’abord la date la plus ancienne et jetez tout ce qui a dépassé sa date limite de consommation.',
      },
      image: null,
    },
    {
      title: { en: 'Cleaning and sanitising', fr: 'Nettoyage et désinfection' },
      body: {
        en: 'Cleaning removes dirt and grease; sanitising kills the germs that remain. Do both, in this order.\n\n- Scrape, wash with hot soapy water, rinse, apply sanitiser for its full contact time, rinse if the label says so, air-dry.\n- Clean as you go, and follow the cleaning schedule for the rest.\n- Keep chemicals in their labelled containers, away from food.\n- Report pests (droppings, gnawed packaging) to the manager at once.',
        fr: 'Le nettoyage enlève saleté et graisse ; la désinfection tue les germes qui restent. Faites les deux, dans cet ordre.\n\n- Raclez, lavez à l’eau chaude savonneuse, rincez, appliquez le désinfectant pendant tout son temps de contact, rincez si l’étiquette l’indique, laissez sécher à l’air.\n- Nettoyez au fur et à mesure, et suivez le plan de nettoyage pour le reste.\n- Gardez les produits chimiques dans leurs contenants étiquetés, loin des aliments.\n- Signalez immédiatement les nuisibles (déjections, emballages rongés) au responsable.',
      },
      image: null,
    },
  ],
  questions: [
    q(
      'single',
      2,
      { en: 'What is the temperature danger zone?', fr: 'Quelle est la zone de température dangereuse ?' },
      [
        o('a', '0 °C to 30 °C', '0 °C à 30 °C'),
        o('b', '5 °C to 63 °C', '5 °C à 63 °C'),
        o('c', '10 °C to 100 °C', '10 °C à 100 °C'),
        o('d', '-18 °C to 5 °C', '-18 °C à 5 °C'),
      ],
      ['b'],
      {
        en: 'Bacteria grow fastest between 5 °C and 63 °C.',
        fr: 'Les bactéries se multiplient le plus vite entre 5 °C et 63 °C.',
      },
    ),
    q(
      'single',
      2,
      {
        en: 'What core temperature must cooked chicken reach?',
        fr: 'Quelle température à cœur un poulet cuit doit-il atteindre ?',
      },
      [o('a', '55 °C', '55 °C'), o('b', '63 °C', '63 °C'), o('c', '75 °C', '75 °C'), o('d', '90 °C', '90 °C')],
      ['c'],
      {
        en: 'Poultry and minced meat: 75 °C at the core, checked with a clean probe.',
        fr: 'Volaille et viande hachée : 75 °C à cœur, vérifiés avec une sonde propre.',
      },
    ),
    q(
      'single',
      1,
      {
        en: 'How long should you rub your hands with soap?',
        fr: 'Combien de temps faut-il frotter les mains avec du savon ?',
      },
      [
        o('a', '5 seconds', '5 secondes'),
        o('b', 'At least 20 seconds', 'Au moins 20 secondes'),
        o('c', 'Until the soap is gone', 'Jusqu’à ce que le savon disparaisse'),
      ],
      ['b'],
      {
        en: 'At least 20 seconds, including thumbs, nails and wrists.',
        fr: 'Au moins 20 secondes, pouces, ongles et poignets compris.',
      },
    ),
    q(
      'multiple',
      2,
      {
        en: 'When must you wash your hands? (choose all that apply)',
        fr: 'Quand devez-vous vous laver les mains ? (plusieurs réponses)',
      },
      [
        o('a', 'After handling raw meat', 'Après avoir manipulé de la viande crue'),
        o('b', 'After taking out the rubbish', 'Après avoir sorti les poubelles'),
        o('c', 'When arriving for a shift', 'En arrivant pour le service'),
        o('d', 'Only when they look dirty', 'Seulement quand elles semblent sales'),
      ],
      ['a', 'b', 'c'],
      {
        en: 'Clean-looking hands still carry germs: wash at every change of task.',
        fr: 'Des mains qui semblent propres portent quand même des germes : lavez-les à chaque changement de tâche.',
      },
    ),
    q(
      'single',
      1,
      { en: 'Which chopping board is for raw meat?', fr: 'Quelle planche est réservée à la viande crue ?' },
      [o('a', 'Green', 'Verte'), o('b', 'Red', 'Rouge'), o('c', 'White', 'Blanche'), o('d', 'Yellow', 'Jaune')],
      ['b'],
      {
        en: 'Red for raw meat, blue raw fish, yellow cooked meat, green produce, white bread and dairy.',
        fr: 'Rouge viande crue, bleu poisson cru, jaune viande cuite, vert fruits et légumes, blanc pain et laitages.',
      },
    ),
    q(
      'single',
      2,
      { en: 'Where does raw meat go in the fridge?', fr: 'Où range-t-on la viande crue au frigo ?' },
      [
        o('a', 'Top shelf', 'Étagère du haut'),
        o('b', 'Bottom shelf, covered', 'Étagère du bas, couverte'),
        o('c', 'Next to the desserts', 'À côté des desserts'),
        o('d', 'In the door', 'Dans la porte'),
      ],
      ['b'],
      {
        en: 'At the bottom, so nothing can drip onto ready-to-eat food.',
        fr: 'En bas, pour que rien ne goutte sur les aliments prêts à consommer.',
      },
    ),
    q(
      'single',
      1,
      {
        en: 'Within how long must cooked food be cooled below 8 °C?',
        fr: 'En combien de temps un plat cuit doit-il descendre sous 8 °C ?',
      },
      [o('a', '90 minutes', '90 minutes'), o('b', '6 hours', '6 heures'), o('c', 'Overnight', 'Pendant la nuit')],
      ['a'],
      {
        en: 'Within 90 minutes: use shallow trays or an ice bath.',
        fr: 'En moins de 90 minutes : bacs plats ou bain de glace.',
      },
    ),
    q(
      'single',
      1,
      { en: 'How many times may a dish be reheated?', fr: 'Combien de fois peut-on réchauffer un plat ?' },
      [o('a', 'Once', 'Une fois'), o('b', 'Twice', 'Deux fois'), o('c', 'As often as needed', 'Autant que nécessaire')],
      ['a'],
      { en: 'Once only, to 75 °C at the core.', fr: 'Une seule fois, à 75 °C à cœur.' },
    ),
    q(
      'single',
      2,
      { en: 'What is the right order?', fr: 'Quel est le bon ordre ?' },
      [
        o('a', 'Sanitise, then clean', 'Désinfecter, puis nettoyer'),
        o('b', 'Clean, then sanitise', 'Nettoyer, puis désinfecter'),
        o('c', 'Either order works', 'L’ordre n’a pas d’importance'),
      ],
      ['b'],
      {
        en: 'Sanitiser cannot reach germs under grease: clean first.',
        fr: 'Le désinfectant n’atteint pas les germes sous la graisse : nettoyez d’abord.',
      },
    ),
    q(
      'multiple',
      2,
      {
        en: 'You find droppings in the dry store. What do you do? (choose all that apply)',
        fr: 'Vous trouvez des déjections dans la réserve sèche. Que faites-vous ? (plusieurs réponses)',
      },
      [
        o('a', 'Tell the manager at once', 'Prévenir immédiatement le responsable'),
        o('b', 'Set aside any gnawed packaging', 'Mettre de côté les emballages rongés'),
        o('c', 'Sweep up and say nothing', 'Balayer sans rien dire'),
        o('d', 'Carry on using the food', 'Continuer à utiliser les denrées'),
      ],
      ['a', 'b'],
      {
        en: 'Pests are reported at once and damaged food is not used.',
        fr: 'Les nuisibles se signalent immédiatement et les denrées abîmées ne sont pas utilisées.',
      },
    ),
    q(
      'single',
      1,
      { en: 'Do gloves replace hand washing?', fr: 'Les gants remplacent-ils le lavage des mains ?' },
      [
        o('a', 'Yes', 'Oui'),
        o(
          'b',
          'No: change them whenever you would wash your hands',
          'Non : changez-les chaque fois que vous devriez vous laver les mains',
        ),
      ],
      ['b'],
      { en: 'Gloves get as dirty as hands do.', fr: 'Les gants se salissent autant que les mains.' },
    ),
  ],
};

const ALLERGENS: ContentModule = {
  code: 'ALLERGENS_101',
  version: 1,
  title: { en: 'Allergen handling', fr: 'La gestion des allergènes' },
  description: {
    en: 'The 14 regulated allergens, how to answer a guest, how to prepare an allergen-free dish, and what to do in an emergency.',
    fr: 'Les 14 allergènes réglementés, comment répondre à un client, préparer un plat sans allergène et réagir en cas d’urgence.',
  },
  objectives: {
    en: [
      'Name the 14 allergens',
      'Answer a guest from the allergen matrix, never from memory',
      'Prepare a dish without cross-contact',
      'Recognise anaphylaxis and call for help',
    ],
    fr: [
      'Citer les 14 allergènes',
      'Répondre au client avec la matrice des allergènes, jamais de mémoire',
      'Préparer un plat sans contact croisé',
      'Reconnaître un choc anaphylactique et appeler les secours',
    ],
  },
  difficulty: 2,
  estimatedMinutes: 25,
  prerequisites: ['FOOD_SAFETY_101'],
  passThreshold: 80,
  maxAttempts: 3,
  cooldownMinutes: 30,
  validityDays: 365,
  sections: [
    {
      title: { en: 'The 14 allergens', fr: 'Les 14 allergènes' },
      body: {
        en: 'European law (Regulation 1169/2011) names 14 allergens that must be declared for every dish:\n\n- Cereals containing gluten, crustaceans, eggs, fish, peanuts, soybeans, milk, tree nuts\n- Celery, mustard, sesame, sulphites (above 10 mg/kg), lupin, molluscs\n\nThey hide in sauces, stocks, dressings, marinades, breadcrumbs and garnishes: check every component.',
        fr: 'Le droit européen (règlement 1169/2011) désigne 14 allergènes à déclarer pour chaque plat :\n\n- Céréales contenant du gluten, crustacés, œufs, poissons, arachides, soja, lait, fruits à coque\n- Céleri, moutarde, sésame, sulfites (au-delà de 10 mg/kg), lupin, mollusques\n\nIls se cachent dans les sauces, fonds, vinaigrettes, marinades, chapelures et garnitures : vérifiez chaque composant.',
      },
      image: null,
    },
    {
      title: { en: 'Answering a guest', fr: 'Répondre à un client' },
      body: {
        en: 'A guest who mentions an allergy is trusting you with their life.\n\n- Never guess and never say "it should be fine".\n- Check the allergen matrix for the dish, including sauces and garnishes, and ask the chef.\n- Write the allergy on the order so the kitchen sees it.\n- If you are not sure the dish is safe, say so and offer another dish.',
        fr: 'Un client qui signale une allergie vous confie sa vie.\n\n- Ne devinez jamais et ne dites jamais « ça devrait aller ».\n- Consultez la matrice des allergènes du plat, sauces et garnitures comprises, et demandez au chef.\n- Notez l’allergie sur la commande pour que la cuisine la voie.\n- Si vous n’êtes pas sûr que le plat soit sans danger, dites-le et proposez un autre plat.',
      },
      image: null,
    },
    {
      title: { en: 'Preparing an allergen-free dish', fr: 'Préparer un plat sans allergène' },
      body: {
        en: 'Cross-contact happens through hands, boards, oil and splashes.\n\n- Wash hands and put on fresh gloves.\n- Use clean, sanitised equipment (purple boards and utensils where you have them).\n- Never use fryer oil shared with breaded or battered food.\n- Prepare the dish first, cover it, label it with the allergy and take it to the guest separately.',
        fr: 'Le contact croisé passe par les mains, les planches, l’huile et les éclaboussures.\n\n- Lavez-vous les mains et mettez des gants neufs.\n- Utilisez du matériel propre et désinfecté (planches et ustensiles violets si vous en avez).\n- N’utilisez jamais une huile de friture partagée avec des aliments panés ou en pâte.\n- Préparez ce plat en premier, couvrez-le, étiquetez-le avec l’allergie et portez-le séparément au client.',
      },
      image: null,
    },
    {
      title: { en: 'Anaphylaxis: act fast', fr: 'Anaphylaxie : agir vite' },
      body: {
        en: 'Signs: swelling of lips, tongue or throat, difficulty breathing, wheezing, hives, dizziness, collapse.\n\n- Call 112 (or 15 / 18 in France) at once and say "anaphylaxis".\n- Help the person use their adrenaline auto-injector in the outer thigh, through clothing if needed.\n- Lay them down with legs raised; sitting up if breathing is hard. Do not make them stand or walk.\n- A second injector may be given after 5 minutes if there is no improvement.',
        fr: 'Signes : gonflement des lèvres, de la langue ou de la gorge, difficulté à respirer, sifflement, urticaire, vertige, malaise.\n\n- Appelez immédiatement le 112 (ou le 15 / 18) et dites « choc anaphylactique ».\n- Aidez la personne à utiliser son stylo d’adrénaline dans la face externe de la cuisse, à travers les vêtements si besoin.\n- Allongez-la jambes surélevées ; assise si elle respire difficilement. Ne la faites ni se lever ni marcher.\n- Une seconde injection est possible après 5 minutes sans amélioration.',
      },
      image: null,
    },
  ],
  questions: [
    q(
      'single',
      1,
      {
        en: 'How many allergens must be declared under EU law?',
        fr: 'Combien d’allergènes doivent être déclarés selon le droit européen ?',
      },
      [o('a', '8', '8'), o('b', '12', '12'), o('c', '14', '14'), o('d', '20', '20')],
      ['c'],
      { en: 'Regulation 1169/2011 lists 14.', fr: 'Le règlement 1169/2011 en liste 14.' },
    ),
    q(
      'multiple',
      2,
      {
        en: 'Which of these are regulated allergens? (choose all that apply)',
        fr: 'Lesquels sont des allergènes réglementés ? (plusieurs réponses)',
      },
      [
        o('a', 'Celery', 'Céleri'),
        o('b', 'Mustard', 'Moutarde'),
        o('c', 'Tomato', 'Tomate'),
        o('d', 'Sesame', 'Sésame'),
      ],
      ['a', 'b', 'd'],
      { en: 'Tomato is not one of the 14.', fr: 'La tomate ne fait pas partie des 14.' },
    ),
    q(
      'single',
      2,
      {
        en: 'A guest asks if the soup contains nuts. You are not sure. You…',
        fr: 'Un client demande si la soupe contient des fruits à coque. Vous n’êtes pas sûr. Vous…',
      },
      [
        o('a', 'Say it should be fine', 'Dites que ça devrait aller'),
        o('b', 'Check the allergen matrix and ask the chef', 'Consultez la matrice et demandez au chef'),
        o('c', 'Suggest they pick out the nuts', 'Proposez de retirer les noix'),
      ],
      ['b'],
      { en: 'Never guess: check the matrix and the chef.', fr: 'Ne devinez jamais : matrice et chef.' },
    ),
    q(
      'single',
      1,
      { en: 'Where do you record a guest’s allergy?', fr: 'Où notez-vous l’allergie d’un client ?' },
      [
        o('a', 'On the order, so the kitchen sees it', 'Sur la commande, pour que la cuisine la voie'),
        o('b', 'Nowhere, I remember it', 'Nulle part, je m’en souviens'),
        o('c', 'On the bill', 'Sur l’addition'),
      ],
      ['a'],
      { en: 'The kitchen must see it on the order.', fr: 'La cuisine doit la voir sur la commande.' },
    ),
    q(
      'single',
      2,
      {
        en: 'Can gluten-free chips be fried in the oil used for battered fish?',
        fr: 'Peut-on frire des frites sans gluten dans l’huile du poisson pané ?',
      },
      [
        o('a', 'Yes, the oil is hot enough', 'Oui, l’huile est assez chaude'),
        o('b', 'No: shared oil carries the allergen', 'Non : l’huile partagée transporte l’allergène'),
      ],
      ['b'],
      { en: 'Heat does not destroy allergens.', fr: 'La chaleur ne détruit pas les allergènes.' },
    ),
    q(
      'multiple',
      2,
      {
        en: 'Before preparing an allergen-free dish you… (choose all that apply)',
        fr: 'Avant de préparer un plat sans allergène, vous… (plusieurs réponses)',
      },
      [
        o('a', 'Wash your hands and put on fresh gloves', 'Vous lavez les mains et mettez des gants neufs'),
        o('b', 'Use clean, sanitised equipment', 'Utilisez du matériel propre et désinfecté'),
        o('c', 'Wipe the board with a cloth', 'Essuyez la planche avec un torchon'),
      ],
      ['a', 'b'],
      {
        en: 'A wipe does not remove allergen proteins.',
        fr: 'Un coup de torchon n’enlève pas les protéines allergènes.',
      },
    ),
    q(
      'multiple',
      2,
      {
        en: 'Which are signs of anaphylaxis? (choose all that apply)',
        fr: 'Quels sont les signes d’un choc anaphylactique ? (plusieurs réponses)',
      },
      [
        o('a', 'Swollen lips or tongue', 'Lèvres ou langue gonflées'),
        o('b', 'Difficulty breathing', 'Difficulté à respirer'),
        o('c', 'Hiccups', 'Hoquet'),
        o('d', 'Dizziness or collapse', 'Vertige ou malaise'),
      ],
      ['a', 'b', 'd'],
      {
        en: 'Swelling, breathing trouble and collapse: call 112 at once.',
        fr: 'Gonflement, gêne respiratoire et malaise : appelez le 112 immédiatement.',
      },
    ),
    q(
      'single',
      2,
      { en: 'Where is an adrenaline auto-injector given?', fr: 'Où injecte-t-on un stylo d’adrénaline ?' },
      [
        o('a', 'In the arm', 'Dans le bras'),
        o('b', 'In the outer thigh', 'Dans la face externe de la cuisse'),
        o('c', 'In the stomach', 'Dans le ventre'),
      ],
      ['b'],
      {
        en: 'Outer thigh, through clothing if needed.',
        fr: 'Face externe de la cuisse, à travers les vêtements si besoin.',
      },
    ),
    q(
      'single',
      1,
      { en: 'A guest having a reaction feels faint. You…', fr: 'Un client en pleine réaction se sent mal. Vous…' },
      [
        o('a', 'Walk them outside for air', 'L’accompagnez dehors prendre l’air'),
        o('b', 'Lay them down with legs raised and call 112', 'L’allongez jambes surélevées et appelez le 112'),
      ],
      ['b'],
      {
        en: 'Standing or walking can be fatal in anaphylaxis.',
        fr: 'Se lever ou marcher peut être fatal en cas d’anaphylaxie.',
      },
    ),
    q(
      'single',
      1,
      { en: 'Sulphites must be declared above…', fr: 'Les sulfites doivent être déclarés au-delà de…' },
      [o('a', '1 mg/kg', '1 mg/kg'), o('b', '10 mg/kg', '10 mg/kg'), o('c', '100 mg/kg', '100 mg/kg')],
      ['b'],
      { en: '10 mg/kg (or 10 mg/l).', fr: '10 mg/kg (ou 10 mg/l).' },
    ),
  ],
};

const FIRE_DRILLS: ContentModule = {
  code: 'FIRE_ABANDON_SHIP_101',
  version: 1,
  title: { en: 'Fire and abandon-ship drills', fr: 'Exercices incendie et abandon du navire' },
  description: {
    en: 'What the alarms mean, your muster station, fighting a fire on board, and abandoning ship under SOLAS.',
    fr: 'Ce que signifient les alarmes, votre poste de rassemblement, la lutte contre l’incendie à bord et l’abandon du navire selon SOLAS.',
  },
  objectives: {
    en: [
      'Recognise the general emergency alarm',
      'Reach your muster station with the right equipment',
      'Raise the alarm and attack a small fire safely',
      'Don a lifejacket and board survival craft in order',
    ],
    fr: [
      'Reconnaître le signal d’alarme générale',
      'Rejoindre son poste de rassemblement avec le bon équipement',
      'Donner l’alerte et attaquer un petit feu sans danger',
      'Enfiler un gilet et embarquer dans les engins de sauvetage dans l’ordre',
    ],
  },
  difficulty: 3,
  estimatedMinutes: 30,
  prerequisites: [],
  passThreshold: 80,
  maxAttempts: 3,
  cooldownMinutes: 60,
  validityDays: 365,
  sections: [
    {
      title: { en: 'Alarms and the muster list', fr: 'Alarmes et rôle d’appel' },
      body: {
        en: 'The general emergency alarm is seven or more short blasts followed by one long blast, on the ship’s whistle and the alarm bells.\n\n- On hearing it, go to your muster station as shown on the muster list and on your cabin card.\n- Take your lifejacket, warm clothing and a hat; immersion suit if your station requires it.\n- Report to the person in charge, who counts the crew against the list.\n- Drills: at least one abandon-ship and one fire drill every month (SOLAS III/19).',
        fr: 'Le signal d’alarme générale est composé de sept coups brefs ou plus suivis d’un coup long, au sifflet et aux sonneries.\n\n- À ce signal, rejoignez votre poste de rassemblement indiqué sur le rôle d’appel et sur la carte de votre cabine.\n- Prenez votre gilet de sauvetage, des vêtements chauds et un bonnet ; votre combinaison d’immersion si votre poste l’exige.\n- Présentez-vous au responsable, qui compte l’équipage d’après le rôle.\n- Exercices : au moins un exercice d’abandon et un exercice incendie par mois (SOLAS III/19).',
      },
      image: null,
    },
    {
      title: { en: 'Fire on board', fr: 'Incendie à bord' },
      body: {
        en: 'Fire at sea has nowhere to go: minutes count.\n\n- Raise the alarm first: shout "Fire!", press the nearest call point, inform the bridge with the location.\n- Attack a small fire only if your escape route is behind you, with the right extinguisher: water for wood and paper, foam or CO2 for oil, CO2 for electrical, wet chemical for galley fat.\n- Close doors and ventilation to starve the fire of air.\n- Never open a hot door; feel it with the back of your hand.',
        fr: 'En mer, un incendie n’a nulle part où aller : chaque minute compte.\n\n- Donnez d’abord l’alerte : criez « Au feu ! », appuyez sur le déclencheur le plus proche, prévenez la passerelle en donnant l’emplacement.\n- N’attaquez un petit feu que si votre issue est derrière vous, avec le bon extincteur : eau pour bois et papier, mousse ou CO2 pour les hydrocarbures, CO2 pour l’électrique, agent spécial pour les graisses de cuisine.\n- Fermez portes et ventilation pour priver le feu d’air.\n- N’ouvrez jamais une porte chaude ; touchez-la du dos de la main.',
      },
      image: null,
    },
    {
      title: { en: 'Abandon ship', fr: 'Abandon du navire' },
      body: {
        en: 'Only the master orders abandon ship, by voice over the public address after the general alarm.\n\n- Don your lifejacket correctly: straps tight, crotch strap fastened, light and whistle working.\n- Board the lifeboat or liferaft in the order given; sit where told and fasten your belt.\n- If you must jump: check below, cross arms over the lifejacket, hold your nose, look ahead, jump feet first.\n- In the water: keep together, adopt the HELP position alone or huddle in a group to save heat.',
        fr: 'Seul le capitaine ordonne l’abandon du navire, à la voix par la sonorisation après l’alarme générale.\n\n- Enfilez correctement votre gilet : sangles serrées, sous-cutale attachée, feu et sifflet en état.\n- Embarquez dans le canot ou le radeau dans l’ordre indiqué ; asseyez-vous à la place donnée et attachez votre ceinture.\n- Si vous devez sauter : regardez en bas, croisez les bras sur le gilet, pincez le nez, regardez devant vous, sautez les pieds en premier.\n- Dans l’eau : restez groupés, prenez la position HELP seul ou serrez-vous en groupe pour garder la chaleur.',
      },
      image: null,
    },
  ],
  questions: [
    q(
      'single',
      2,
      { en: 'What is the general emergency alarm?', fr: 'Quel est le signal d’alarme générale ?' },
      [
        o('a', 'One long blast', 'Un coup long'),
        o('b', 'Seven or more short blasts then one long blast', 'Sept coups brefs ou plus puis un coup long'),
        o('c', 'Three short blasts', 'Trois coups brefs'),
      ],
      ['b'],
      {
        en: 'Seven or more short and one long, on whistle and bells.',
        fr: 'Sept brefs ou plus et un long, au sifflet et aux sonneries.',
      },
    ),
    q(
      'single',
      1,
      { en: 'Where do you find your muster station?', fr: 'Où trouvez-vous votre poste de rassemblement ?' },
      [
        o('a', 'On the muster list and my cabin card', 'Sur le rôle d’appel et la carte de ma cabine'),
        o('b', 'I ask a passenger', 'Je demande à un passager'),
        o('c', 'It is always the mess room', 'C’est toujours le carré'),
      ],
      ['a'],
      { en: 'The muster list and your cabin card show it.', fr: 'Le rôle d’appel et la carte de cabine l’indiquent.' },
    ),
    q(
      'multiple',
      2,
      {
        en: 'What do you take to the muster station? (choose all that apply)',
        fr: 'Qu’emportez-vous au poste de rassemblement ? (plusieurs réponses)',
      },
      [
        o('a', 'Lifejacket', 'Gilet de sauvetage'),
        o('b', 'Warm clothing and a hat', 'Vêtements chauds et bonnet'),
        o('c', 'Laptop', 'Ordinateur portable'),
        o('d', 'Immersion suit if my station requires it', 'Combinaison d’immersion si mon poste l’exige'),
      ],
      ['a', 'b', 'd'],
      {
        en: 'Lifejacket, warm clothes, immersion suit where required; nothing else.',
        fr: 'Gilet, vêtements chauds, combinaison si exigée ; rien d’autre.',
      },
    ),
    q(
      'single',
      2,
      { en: 'You discover a fire. What comes first?', fr: 'Vous découvrez un feu. Que faites-vous en premier ?' },
      [
        o('a', 'Fight it alone', 'Le combattre seul'),
        o('b', 'Raise the alarm', 'Donner l’alerte'),
        o('c', 'Fetch your belongings', 'Récupérer vos affaires'),
      ],
      ['b'],
      {
        en: 'Alarm first: shout, call point, bridge with the location.',
        fr: 'L’alerte d’abord : crier, déclencheur, passerelle avec l’emplacement.',
      },
    ),
    q(
      'single',
      2,
      {
        en: 'Which extinguisher for a fire in an electrical switchboard?',
        fr: 'Quel extincteur pour un feu de tableau électrique ?',
      },
      [o('a', 'Water', 'Eau'), o('b', 'CO2', 'CO2'), o('c', 'Foam', 'Mousse')],
      ['b'],
      { en: 'CO2 does not conduct and leaves no residue.', fr: 'Le CO2 ne conduit pas et ne laisse pas de résidu.' },
    ),
    q(
      'single',
      1,
      {
        en: 'Which extinguisher for burning fat in the galley?',
        fr: 'Quel extincteur pour de la graisse en feu en cuisine ?',
      },
      [o('a', 'Water', 'Eau'), o('b', 'Wet chemical', 'Agent spécial graisses'), o('c', 'Paper towels', 'Essuie-tout')],
      ['b'],
      {
        en: 'Water on burning fat explodes into a fireball.',
        fr: 'De l’eau sur de la graisse en feu provoque une boule de feu.',
      },
    ),
    q(
      'multiple',
      2,
      {
        en: 'How do you slow a fire down? (choose all that apply)',
        fr: 'Comment ralentir un incendie ? (plusieurs réponses)',
      },
      [
        o('a', 'Close doors', 'Fermer les portes'),
        o('b', 'Shut off ventilation', 'Couper la ventilation'),
        o('c', 'Open portholes for smoke', 'Ouvrir les hublots pour la fumée'),
      ],
      ['a', 'b'],
      {
        en: 'Air feeds the fire: close doors and ventilation.',
        fr: 'L’air nourrit le feu : fermez portes et ventilation.',
      },
    ),
    q(
      'single',
      1,
      { en: 'Who orders abandon ship?', fr: 'Qui ordonne l’abandon du navire ?' },
      [
        o('a', 'Anyone who sees danger', 'Quiconque voit un danger'),
        o('b', 'The master', 'Le capitaine'),
        o('c', 'The cook', 'Le cuisinier'),
      ],
      ['b'],
      {
        en: 'Only the master, by voice after the general alarm.',
        fr: 'Seul le capitaine, à la voix après l’alarme générale.',
      },
    ),
    q(
      'single',
      2,
      { en: 'Jumping into the water with a lifejacket, you…', fr: 'En sautant à l’eau avec un gilet, vous…' },
      [
        o('a', 'Dive head first', 'Plongez la tête la première'),
        o(
          'b',
          'Cross your arms over the jacket, hold your nose, jump feet first',
          'Croisez les bras sur le gilet, pincez le nez, sautez les pieds en premier',
        ),
        o('c', 'Hold the jacket in your hand', 'Tenez le gilet à la main'),
      ],
      ['b'],
      {
        en: 'Feet first with arms crossed keeps the jacket from hitting your chin.',
        fr: 'Pieds en premier, bras croisés : le gilet ne vous frappe pas le menton.',
      },
    ),
    q(
      'single',
      1,
      {
        en: 'How often must abandon-ship drills be held at least?',
        fr: 'À quelle fréquence minimale faut-il un exercice d’abandon ?',
      },
      [
        o('a', 'Every month', 'Chaque mois'),
        o('b', 'Every year', 'Chaque année'),
        o('c', 'Only in port', 'Seulement au port'),
      ],
      ['a'],
      {
        en: 'SOLAS III/19: every month for each crew member.',
        fr: 'SOLAS III/19 : chaque mois pour chaque membre d’équipage.',
      },
    ),
    q(
      'single',
      1,
      {
        en: 'Alone in cold water, which position saves heat?',
        fr: 'Seul dans l’eau froide, quelle position garde la chaleur ?',
      },
      [
        o('a', 'Swimming hard', 'Nager vigoureusement'),
        o('b', 'The HELP position, knees to chest', 'La position HELP, genoux contre la poitrine'),
      ],
      ['b'],
      { en: 'HELP: Heat Escape Lessening Posture.', fr: 'HELP : posture qui limite la perte de chaleur.' },
    ),
  ],
};

export const DEMO_MODULES: readonly ContentModule[] = [
  { ...FOOD_SAFETY, category: 'food_safety' },
  { ...ALLERGENS, category: 'food_safety' },
  { ...FIRE_DRILLS, category: 'fire' },
  EXTINGUISHER_PRACTICAL,
];

export const DEMO_PATHS: readonly ContentPath[] = [
  {
    code: 'KITCHEN_ONBOARDING',
    kind: 'onboarding',
    title: { en: 'Kitchen and floor onboarding', fr: 'Intégration cuisine et salle' },
    moduleCodes: ['FOOD_SAFETY_101', 'ALLERGENS_101'],
    roleCodes: ['staff', 'chef', 'waiter', 'kitchen', 'trainee'],
  },
  {
    code: 'CREW_SAFETY',
    kind: 'compliance',
    title: { en: 'Crew safety (SOLAS)', fr: 'Sécurité de l’équipage (SOLAS)' },
    moduleCodes: ['FIRE_ABANDON_SHIP_101', 'FOOD_SAFETY_101'],
    roleCodes: ['crew', 'officer', 'trainee'],
  },
];
