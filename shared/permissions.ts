/**
 * The permission matrix as data. Roles are rows of the synced `roles` table (seeded from
 * `DEFAULT_ROLES` by a migration, editable by administrators); code only ever asks
 * `can(permissions, 'training.author')`, never "is this user a manager".
 */
export const PERMISSIONS = [
  'training.take',
  'training.assign',
  'training.author',
  /** Observe a practical assessment and sign off its items with one's own PIN (an instructor). */
  'training.observe',
  'classroom.run',
  'classes.manage',
  'incidents.report',
  'incidents.triage',
  /** See and export incidents marked confidential (their reporter always may); others only count them. */
  'incidents.confidential',
  'compliance.fill',
  'compliance.approve',
  'compliance.countersign',
  'fuel.log',
  'fuel.view',
  /** Investigate a fuel anomaly, resolve it and raise its corrective action. */
  'fuel.investigate',
  'tables.serve',
  /** Menu and floor plan: what a consultant onboards and an owner or manager keeps up to date. */
  'tables.setup',
  /** Record payments and tips; whoever holds it also sees the bill's money. */
  'tables.pay',
  /** Approve a void or comp with one's own PIN. */
  'tables.approve',
  /** Sales figures and shift cash counts. */
  'tables.money',
  'kitchen.display',
  'analytics.personal',
  'analytics.team',
  'reports.generate',
  'sync.view',
  'conflicts.resolve',
  'audit.view',
  'users.manage',
  'settings.manage',
  'backups.manage',
  'devices.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const isPermission = (p: string): p is Permission => (PERMISSIONS as readonly string[]).includes(p);

/** Areas of the home screen, each opened by one permission. Order is the order on screen. */
export const AREAS = [
  { id: 'training', permission: 'training.take' },
  { id: 'classroom', permission: 'classroom.run' },
  { id: 'classes', permission: 'classes.manage' },
  { id: 'incidents', permission: 'incidents.report' },
  { id: 'compliance', permission: 'compliance.fill' },
  // A restaurant has no Fuel area; a vessel has no Tables or Kitchen (a site's kind decides its areas).
  { id: 'fuel', permission: 'fuel.log', siteKinds: ['vessel'] },
  { id: 'tables', permission: 'tables.serve', siteKinds: ['restaurant'] },
  { id: 'kitchen', permission: 'kitchen.display', siteKinds: ['restaurant'] },
  { id: 'sales', permission: 'tables.money', siteKinds: ['restaurant'] },
  { id: 'analytics', permission: 'analytics.team' },
  { id: 'sync', permission: 'sync.view' },
  { id: 'links', permission: 'sync.view' },
  { id: 'audit', permission: 'audit.view' },
  { id: 'admin', permission: 'users.manage' },
  { id: 'on-call', permission: 'settings.manage' },
] as const satisfies readonly {
  id: string;
  permission: Permission;
  siteKinds?: readonly ('restaurant' | 'vessel')[];
}[];

export type AreaId = (typeof AREAS)[number]['id'];

export interface RoleDefinition {
  id: string;
  /** Which kind of site the role belongs to; 'any' roles exist everywhere. */
  siteKind: 'restaurant' | 'vessel' | 'any';
  name: { en: string; fr: string };
  permissions: readonly Permission[];
}

const ALL = PERMISSIONS;
const CREW_BASE: Permission[] = ['training.take', 'analytics.personal', 'incidents.report'];
const SUPERVISOR: Permission[] = [
  ...CREW_BASE,
  'training.assign',
  'training.observe',
  'classroom.run',
  'classes.manage',
  'incidents.triage',
  'compliance.fill',
  'compliance.approve',
  'fuel.view',
  'analytics.team',
  'reports.generate',
  'sync.view',
  'conflicts.resolve',
  'audit.view',
];

/** What runs a restaurant's floor beyond serving: the menu, payments, approvals and the figures. */
const TABLE_MANAGER: Permission[] = ['tables.setup', 'tables.pay', 'tables.approve', 'tables.money'];

/**
 * The unified training system's six roles (seed 003), as rows of the matrix. Each holds the
 * rights its row-level rules allow there: the system administrator sees everything; the
 * administrator runs training at their location (sites here); an authorised provider runs and
 * certifies the sessions they provide; an instructor provider teaches and signs off their own
 * sessions' learners; an instructor candidate only reads their own sessions and certificates (no
 * enrollments); an instructor trainee only their own enrollments and certificates.
 */
export const UNIFIED_TRAINING_ROLES: readonly RoleDefinition[] = [
  {
    id: 'system_admin',
    siteKind: 'any',
    name: { en: 'System administrator', fr: 'Administrateur système' },
    permissions: ALL,
  },
  {
    id: 'training_admin',
    siteKind: 'any',
    name: { en: 'Training administrator', fr: 'Administrateur de formation' },
    permissions: [
      'training.take',
      'training.assign',
      'training.author',
      'training.observe',
      'classroom.run',
      'classes.manage',
      'analytics.personal',
      'analytics.team',
      'reports.generate',
      'audit.view',
      'users.manage',
    ],
  },
  {
    id: 'authorised_provider',
    siteKind: 'any',
    name: { en: 'Authorised provider', fr: 'Prestataire agréé' },
    permissions: [
      'training.take',
      'training.assign',
      'training.observe',
      'classroom.run',
      'analytics.personal',
      'analytics.team',
      'reports.generate',
    ],
  },
  {
    id: 'instructor_provider',
    siteKind: 'any',
    name: { en: 'Instructor provider', fr: 'Formateur prestataire' },
    permissions: ['training.take', 'training.observe', 'classroom.run', 'analytics.personal'],
  },
  {
    id: 'instructor_candidate',
    siteKind: 'any',
    name: { en: 'Instructor candidate', fr: 'Candidat formateur' },
    permissions: ['training.take', 'analytics.personal'],
  },
  {
    id: 'instructor_trainee',
    siteKind: 'any',
    name: { en: 'Instructor trainee', fr: 'Formateur stagiaire' },
    permissions: ['training.take', 'analytics.personal'],
  },
];

/** The seeds' roles: SOP training (admin, manager, chef, staff), TabSync (super admin, consultant,
 * owner, waiter, kitchen), classroom training (instructor, trainee) and ships (master, officer, crew). */
export const DEFAULT_ROLES: readonly RoleDefinition[] = [
  { id: 'super_admin', siteKind: 'any', name: { en: 'Super admin', fr: 'Super administrateur' }, permissions: ALL },
  { id: 'admin', siteKind: 'any', name: { en: 'Administrator', fr: 'Administrateur' }, permissions: ALL },
  {
    id: 'consultant',
    siteKind: 'restaurant',
    name: { en: 'Consultant', fr: 'Consultant' },
    // Onboards a restaurant (menu, floor, people) but sees no money: no tables.pay nor tables.money.
    permissions: [...SUPERVISOR, 'training.author', 'users.manage', 'tables.setup'],
  },
  {
    id: 'owner',
    siteKind: 'restaurant',
    name: { en: 'Owner', fr: 'Propriétaire' },
    permissions: [
      ...SUPERVISOR,
      'tables.serve',
      ...TABLE_MANAGER,
      'kitchen.display',
      'users.manage',
      'settings.manage',
      'backups.manage',
      'incidents.confidential',
    ],
  },
  {
    id: 'manager',
    siteKind: 'restaurant',
    name: { en: 'Manager', fr: 'Gérant' },
    permissions: [...SUPERVISOR, 'tables.serve', ...TABLE_MANAGER, 'kitchen.display', 'incidents.confidential'],
  },
  {
    id: 'chef',
    siteKind: 'restaurant',
    name: { en: 'Chef', fr: 'Chef' },
    permissions: [...CREW_BASE, 'kitchen.display', 'compliance.fill'],
  },
  { id: 'staff', siteKind: 'restaurant', name: { en: 'Staff', fr: 'Employé' }, permissions: [...CREW_BASE] },
  {
    id: 'waiter',
    siteKind: 'restaurant',
    name: { en: 'Waiter', fr: 'Serveur' },
    permissions: [...CREW_BASE, 'tables.serve', 'tables.pay'],
  },
  {
    id: 'kitchen',
    siteKind: 'restaurant',
    name: { en: 'Kitchen', fr: 'Cuisine' },
    // Sees and updates orders on the kitchen display; takes no payments.
    permissions: [...CREW_BASE, 'kitchen.display'],
  },
  {
    id: 'instructor',
    siteKind: 'any',
    name: { en: 'Instructor', fr: 'Formateur' },
    permissions: [
      ...CREW_BASE,
      'training.assign',
      'training.observe',
      'classroom.run',
      'classes.manage',
      'analytics.team',
      'reports.generate',
    ],
  },
  {
    id: 'trainee',
    siteKind: 'any',
    name: { en: 'Trainee', fr: 'Stagiaire' },
    permissions: ['training.take', 'analytics.personal'],
  },
  {
    id: 'master',
    siteKind: 'vessel',
    name: { en: 'Master', fr: 'Capitaine' },
    permissions: [
      ...SUPERVISOR,
      'fuel.log',
      'fuel.investigate',
      'users.manage',
      'settings.manage',
      'backups.manage',
      'incidents.confidential',
    ],
  },
  {
    id: 'officer',
    siteKind: 'vessel',
    name: { en: 'Officer', fr: 'Officier' },
    permissions: [...SUPERVISOR, 'fuel.log', 'fuel.investigate'],
  },
  {
    id: 'crew',
    siteKind: 'vessel',
    name: { en: 'Crew', fr: 'Équipage' },
    permissions: [...CREW_BASE, 'fuel.log', 'compliance.fill'],
  },
  ...UNIFIED_TRAINING_ROLES,
];

export function can(permissions: readonly string[], needed: Permission): boolean {
  return permissions.includes(needed);
}

/** The areas a person sees; given the site's kind, those the site does not have are left out (a vessel has no tables). */
export function areasFor(permissions: readonly string[], siteKind?: 'restaurant' | 'vessel'): AreaId[] {
  return AREAS.filter(
    (a) =>
      can(permissions, a.permission) &&
      (siteKind === undefined || !('siteKinds' in a) || (a.siteKinds as readonly string[]).includes(siteKind)),
  ).map((a) => a.id);
}
