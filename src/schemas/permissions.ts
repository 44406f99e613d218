/** Roles, strongest first. */
export const ROLES = ['owner', 'admin', 'manager', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may do what: the permission table of the design, one row per permission. This is the
 * only source; procedures name the permission they need and the UI reads the same table.
 */
export const PERMISSION_ROLES = {
  'customers:read': ['owner', 'admin', 'manager', 'member', 'viewer'],
  'interactions:read': ['owner', 'admin', 'manager', 'member', 'viewer'],
  'orders:read': ['owner', 'admin', 'manager', 'member', 'viewer'],
  'members:read': ['owner', 'admin', 'manager', 'member', 'viewer'],
  'customers:write': ['owner', 'admin', 'manager', 'member'],
  'interactions:write': ['owner', 'admin', 'manager', 'member'],
  'orders:write': ['owner', 'admin', 'manager'],
  'customers:delete': ['owner', 'admin', 'manager'],
  'customers:restore': ['owner', 'admin', 'manager'],
  'data:import': ['owner', 'admin', 'manager'],
  'data:export': ['owner', 'admin', 'manager'],
  'customers:erase': ['owner', 'admin'],
  'members:manage': ['owner', 'admin'],
  'audit:read': ['owner', 'admin'],
  'api-keys:manage': ['owner', 'admin'],
  'webhooks:manage': ['owner', 'admin'],
  'org:manage': ['owner', 'admin'],
  'companies:read': ['owner', 'admin', 'manager', 'member', 'viewer'],
  'companies:write': ['owner', 'admin', 'manager', 'member'],
  'companies:delete': ['owner', 'admin', 'manager'],
  'companies:restore': ['owner', 'admin', 'manager'],
  'companies:merge': ['owner', 'admin', 'manager'],
  'deals:read': ['owner', 'admin', 'manager', 'member', 'viewer'],
  'deals:write': ['owner', 'admin', 'manager', 'member'],
  'deals:delete': ['owner', 'admin', 'manager'],
  'tasks:read': ['owner', 'admin', 'manager', 'member', 'viewer'],
  /** Create tasks, and change the ones they created or are assigned. */
  'tasks:write': ['owner', 'admin', 'manager', 'member'],
  /** Change, complete and delete anyone's tasks. */
  'tasks:manage': ['owner', 'admin', 'manager'],
  /** One's own notifications: a person's, never an API key's (a key acts for no one). */
  'notifications:read': ['owner', 'admin', 'manager', 'member', 'viewer'],
  'pipelines:manage': ['owner', 'admin'],
  /** Register OAuth apps and see every app's grants in the organization. */
  'apps:manage': ['owner', 'admin'],
  'sso:manage': ['owner', 'admin'],
  /** Create the organization's sandbox, reset it and fill it with demo data. */
  'org:delete': ['owner'],
  'org:transfer': ['owner'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSION_ROLES;

export const PERMISSIONS = Object.keys(PERMISSION_ROLES) as Permission[];

/** The permission to read each kind of record. */
export const RECORD_READ_PERMISSION = {
  customer: 'customers:read',
  company: 'companies:read',
  deal: 'deals:read',
  order: 'orders:read',
  task: 'tasks:read',
} as const satisfies Record<string, Permission>;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSION_ROLES[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((permission) => can(role, permission));
}

/** Roles an API key may carry: every role below owner. */
export const API_KEY_ROLES = ROLES.filter((role) => role !== 'owner') as Exclude<Role, 'owner'>[];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
