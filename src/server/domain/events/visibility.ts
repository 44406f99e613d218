import { EVENT_TYPES, type EventType } from '@/schemas/events';
import { can, RECORD_READ_PERMISSION, type Permission, type Role } from '@/schemas/permissions';

/** Who may hear about a change: the permission to read what changed. */
const PERMISSION_BY_ENTITY: Record<string, Permission> = {
  ...RECORD_READ_PERMISSION,
  customer_erasure: 'customers:read',
  customer_import: 'data:import',
  company_import: 'data:import',
  deal_import: 'data:import',
  interaction: 'interactions:read',
  pipeline: 'deals:read',
  membership: 'members:read',
  organization: 'members:read',
  invitation: 'members:manage',
  api_key: 'api-keys:manage',
  webhook_endpoint: 'webhooks:manage',
  webhook_delivery: 'webhooks:manage',
};

/** Whether a role may hear of a change to this kind of entity (else only auditors may). */
export const mayHear = (role: Role, change: { entityType: string }) =>
  can(role, PERMISSION_BY_ENTITY[change.entityType] ?? 'audit:read');

/** The kinds of entity a role may hear of: of these, a member is notified. */
export const readableEntityTypes = (role: Role) =>
  Object.entries(PERMISSION_BY_ENTITY)
    .filter(([, permission]) => can(role, permission))
    .map(([entityType]) => entityType);

/** The permission to read the data of events of a type, by the type's prefix. */
const PERMISSION_BY_EVENT_PREFIX: [prefix: string, permission: Permission][] = [
  ['customer_import.', 'data:import'],
  ['company_import.', 'data:import'],
  ['deal_import.', 'data:import'],
  ['deal.', 'deals:read'],
  ['company.', 'companies:read'],
  ['task.', 'tasks:read'],
];

export const eventPermission = (type: EventType): Permission =>
  PERMISSION_BY_EVENT_PREFIX.find(([prefix]) => type.startsWith(prefix))?.[1] ?? 'customers:read';

/** Event types whose data a role may read (imports are for those who may import). */
export const readableEventTypes = (role: Role, wanted: EventType[] | undefined) =>
  (wanted ?? EVENT_TYPES).filter((type) => can(role, eventPermission(type)));
