import { EVENT_TYPES, type EventType } from '@/schemas/events';
import { can, type Permission, type Role } from '@/schemas/permissions';

/** Who may hear about a change: the permission to read what changed. */
const PERMISSION_BY_ENTITY: Record<string, Permission> = {
  customer: 'customers:read',
  customer_erasure: 'customers:read',
  customer_import: 'data:import',
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

/** Event types whose data a role may read (imports are for those who may import). */
export const readableEventTypes = (role: Role, wanted: EventType[] | undefined) =>
  (wanted ?? EVENT_TYPES).filter((type) =>
    can(role, type.startsWith('customer_import.') ? 'data:import' : 'customers:read'),
  );
