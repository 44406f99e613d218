import { EVENT_TYPES, type EventType } from '@/schemas/events';
import { can, type Permission, type Role } from '@/schemas/permissions';

/** Who may hear about a change: the permission to read what changed. */
const PERMISSION_BY_ENTITY: Record<string, Permission> = {
  customer: 'customers:read',
  customer_erasure: 'customers:read',
  customer_import: 'data:import',
  company: 'companies:read',
  deal: 'deals:read',
  interaction: 'interactions:read',
  order: 'orders:read',
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

/** The permission to read an event's data, by the prefix of its type. */
export function eventPermission(type: EventType): Permission {
  const prefix = type.slice(0, type.indexOf('.'));
  if (prefix === 'company') return 'companies:read';
  if (prefix === 'deal') return 'deals:read';
  if (prefix === 'customer_import') return 'data:import';
  return 'customers:read';
}

/** Event types whose data a role may read (imports are for those who may import). */
export const readableEventTypes = (role: Role, wanted: EventType[] | undefined) =>
  (wanted ?? EVENT_TYPES).filter((type) => can(role, eventPermission(type)));
