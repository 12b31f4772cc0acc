import type { ContentModule, L } from './content-types.js';

/**
 * A mixed assessment from the training guide: a scenario (a chain of decisions on one situation)
 * and a practical demonstration an instructor observes and signs off item by item. Useful on a
 * vessel and in a restaurant kitchen alike.
 */
const SITUATION: L = {
  en: 'During service, a pan of oil on the stove catches fire. Flames reach the hood; two colleagues are nearby and the fire blanket hangs by the door.',
  fr: 'Pendant le service, une poêle d’huile prend feu sur le fourneau. Les flammes atteignent la hotte ; deux collègues sont à côté et la couverture anti-feu est accrochée près de la porte.',
};

export const EXTINGUISHER_PRACTICAL: ContentModule = {
  code: 'FIRE_EXTINGUISHER_201',
  version: 1,
  category: 'fire',
  title: { en: 'Fire extinguisher in practice', fr: 'L’extincteur en pratique' },
  description: {
    en: 'Decide what to do when a fire starts, then show an instructor that you can check and use an extinguisher safely.',
    fr: 'Décider quoi faire quand un feu se déclare, puis montrer à un formateur que vous savez vérifier et utiliser un extincteur sans danger.',
  },
  objectives: {
    en: [
      'Raise the alarm before fighting a fire',
      'Choose the right extinguisher',
      'Use PASS: pull, aim, squeeze, sweep',
    ],
    fr: [
      'Donner l’alerte avant de combattre un feu',
      'Choisir le bon extincteur',
      'Appliquer TVPB : tirer, viser, presser, balayer',
    ],
  },
  difficulty: 2,
  estimatedMinutes: 20,
  prerequisites: [],
  passThreshold: 75,
  maxAttempts: 3,
  cooldownMinutes: 0,
  validityDays: 365,
  sections: [
    {
      title: { en: 'Before you fight a fire', fr: 'Avant de combattre un feu' },
      body: {
        en: 'Raise the alarm first, every time.\n\n- Shout "Fire!" and press the nearest call point.\n- Fight a fire only if it is small, you have a way out behind you and the right extinguisher.\n- Never use water on burning oil: it explodes into a fireball.',
        fr: 'Donnez l’alerte d’abord, à chaque fois.\n\n- Criez « Au feu ! » et appuyez sur le déclencheur le plus proche.\n- Ne combattez un feu que s’il est petit, avec une sortie derrière vous et le bon extincteur.\n- Jamais d’eau sur de l’huile en feu : elle explose en boule de feu.',
      },
      image: null,
    },
    {
      title: { en: 'PASS', fr: 'TVPB' },
      body: {
        en: '- Pull the pin.\n- Aim at the base of the fire.\n- Squeeze the handle.\n- Sweep from side to side until the fire is out, then watch for re-ignition.',
        fr: '- Tirez la goupille.\n- Visez la base du feu.\n- Pressez la poignée.\n- Balayez de gauche à droite jusqu’à l’extinction, puis surveillez toute reprise.',
      },
      image: null,
    },
  ],
  questions: [
    {
      kind: 'single',
      weight: 1,
      scenario: SITUATION,
      prompt: { en: 'What do you do first?', fr: 'Que faites-vous en premier ?' },
      options: [
        { id: 'a', en: 'Throw water on the pan', fr: 'Jeter de l’eau sur la poêle' },
        { id: 'b', en: 'Shout "Fire!" and raise the alarm', fr: 'Crier « Au feu ! » et donner l’alerte' },
        { id: 'c', en: 'Carry the pan outside', fr: 'Porter la poêle dehors' },
      ],
      correct: ['b'],
      explanation: {
        en: 'The alarm comes first: it brings help and gets others out.',
        fr: 'L’alerte d’abord : elle fait venir de l’aide et évacuer les autres.',
      },
    },
    {
      kind: 'single',
      weight: 1,
      scenario: SITUATION,
      prompt: {
        en: 'The alarm is raised. What do you use on the pan?',
        fr: 'L’alerte est donnée. Qu’utilisez-vous sur la poêle ?',
      },
      options: [
        {
          id: 'a',
          en: 'The fire blanket, after turning off the heat',
          fr: 'La couverture anti-feu, après avoir coupé le feu',
        },
        { id: 'b', en: 'The water extinguisher', fr: 'L’extincteur à eau' },
      ],
      correct: ['a'],
      explanation: {
        en: 'Cut the heat and smother the pan; water on oil explodes.',
        fr: 'Coupez la chaleur et étouffez la poêle ; l’eau sur l’huile explose.',
      },
    },
    {
      kind: 'single',
      weight: 1,
      scenario: SITUATION,
      prompt: {
        en: 'The hood filter is now burning. What next?',
        fr: 'Le filtre de la hotte brûle maintenant. Et ensuite ?',
      },
      options: [
        { id: 'a', en: 'Keep fighting alone until it is out', fr: 'Continuer seul jusqu’à l’extinction' },
        {
          id: 'b',
          en: 'Leave, close the door and wait for the fire team',
          fr: 'Sortir, fermer la porte et attendre l’équipe incendie',
        },
      ],
      correct: ['b'],
      explanation: {
        en: 'A fire that spreads is no longer small: get out and contain it.',
        fr: 'Un feu qui s’étend n’est plus petit : sortez et confinez-le.',
      },
    },
  ],
  practicalItems: [
    {
      title: { en: 'Checks the gauge, the pin and the seal', fr: 'Vérifie le manomètre, la goupille et le scellé' },
      weight: 1,
      critical: false,
    },
    {
      title: { en: 'Keeps a way out behind them', fr: 'Garde une sortie derrière soi' },
      weight: 1,
      critical: true,
    },
    {
      title: { en: 'Uses PASS on the training fire', fr: 'Applique TVPB sur le feu d’exercice' },
      weight: 2,
      critical: false,
    },
  ],
};
