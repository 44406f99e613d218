import { pgEnum } from 'drizzle-orm/pg-core';
import { ACTOR_TYPES } from '@/schemas/audit';
import { CUSTOMER_STATUSES } from '@/schemas/customers';
import { NOTIFICATION_TYPES } from '@/schemas/notifications';
import { ROLES } from '@/schemas/permissions';
import { STAGE_KINDS } from '@/schemas/pipelines';
import { TASK_PRIORITIES } from '@/schemas/tasks';
import { DELIVERY_STATUSES } from '@/schemas/webhooks';

export const roleEnum = pgEnum('role', ROLES);

export const customerStatusEnum = pgEnum('customer_status', CUSTOMER_STATUSES);

export const INTERACTION_TYPES = ['note', 'call', 'email', 'meeting'] as const;
export const interactionTypeEnum = pgEnum('interaction_type', INTERACTION_TYPES);

export const ORDER_STATUSES = ['draft', 'placed', 'paid', 'fulfilled', 'cancelled'] as const;
export const orderStatusEnum = pgEnum('order_status', ORDER_STATUSES);

export const actorTypeEnum = pgEnum('actor_type', ACTOR_TYPES);

export const deliveryStatusEnum = pgEnum('webhook_delivery_status', DELIVERY_STATUSES);

export const IMPORT_STATUSES = [
  'queued',
  'validating',
  'importing',
  'completed',
  'failed',
] as const;
export const importStatusEnum = pgEnum('import_status', IMPORT_STATUSES);

export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001+'] as const;
export const companySizeEnum = pgEnum('company_size', COMPANY_SIZES);

export { STAGE_KINDS };
export const stageKindEnum = pgEnum('stage_kind', STAGE_KINDS);
export const dealStatusEnum = pgEnum('deal_status', STAGE_KINDS);

export const taskPriorityEnum = pgEnum('task_priority', TASK_PRIORITIES);

export const notificationTypeEnum = pgEnum('notification_type', NOTIFICATION_TYPES);
