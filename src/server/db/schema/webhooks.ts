import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { belongsTo, createdAt, id, timestamps, timestamptz } from './columns';
import { deliveryStatusEnum } from './enums';
import { organizationId } from './identity';

/**
 * The organization's public change events: what webhooks deliver and the change feed serves.
 * `sequence` is the sequence of the audit row written with the change (`audit_log_id`), given
 * when the chain links that row at commit, so events of one organization become visible in
 * sequence order. Until then (inside the writing transaction) it is null.
 */
export const events = pgTable(
  'events',
  {
    id: id(),
    organizationId: organizationId(),
    sequence: bigint('sequence', { mode: 'number' }),
    auditLogId: uuid('audit_log_id'),
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** The customer whose personal data `data` carries; erasing the customer scrubs it. */
    customerId: uuid('customer_id'),
    erasedAt: timestamptz('erased_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('events_organization_sequence_unique').on(t.organizationId, t.sequence),
    index('events_unlinked_idx')
      .on(t.auditLogId)
      .where(sql`${t.sequence} is null`),
    index('events_customer_idx')
      .on(t.organizationId, t.customerId)
      .where(sql`${t.customerId} is not null`),
    index('events_created_idx').on(t.createdAt),
  ],
);

export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: id(),
    organizationId: organizationId(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    eventTypes: text('event_types').array().notNull(),
    /** The signing secret (`whsec_...`), sealed with ENCRYPTION_KEY. */
    secret: text('secret').notNull(),
    /** After a rotation, the old secret also signs until it expires, so receivers can switch. */
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: timestamptz('previous_secret_expires_at'),
    enabled: boolean('enabled').notNull().default(true),
    ...timestamps(),
  },
  (t) => [index('webhook_endpoints_organization_idx').on(t.organizationId, t.createdAt)],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    organizationId: organizationId(),
    endpointId: belongsTo('endpoint_id', () => webhookEndpoints.id),
    eventId: belongsTo('event_id', () => events.id),
    status: deliveryStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    responseStatus: integer('response_status'),
    /** The start of the receiver's answer (at most 1 KB), for debugging. */
    responseBody: text('response_body'),
    durationMs: integer('duration_ms'),
    error: text('error'),
    lastAttemptAt: timestamptz('last_attempt_at'),
    nextAttemptAt: timestamptz('next_attempt_at'),
    ...timestamps(),
  },
  (t) => [
    index('webhook_deliveries_endpoint_idx').on(
      t.organizationId,
      t.endpointId,
      t.createdAt.desc(),
      t.id.desc(),
    ),
    index('webhook_deliveries_event_idx').on(t.eventId),
  ],
);

/**
 * Every attempt at a delivery, written with the delivery's own update: the delivery keeps the
 * latest outcome, this keeps them all.
 */
export const webhookDeliveryAttempts = pgTable(
  'webhook_delivery_attempts',
  {
    id: id(),
    organizationId: organizationId(),
    deliveryId: belongsTo('delivery_id', () => webhookDeliveries.id),
    /** 1 for the first attempt; redeliveries go on counting. */
    attempt: integer('attempt').notNull(),
    attemptedAt: timestamptz('attempted_at').notNull().defaultNow(),
    durationMs: integer('duration_ms'),
    responseStatus: integer('response_status'),
    /** The start of the receiver's answer (at most 1 KB). */
    responseBody: text('response_body'),
    error: text('error'),
  },
  (t) => [
    uniqueIndex('webhook_delivery_attempts_unique').on(t.organizationId, t.deliveryId, t.attempt),
  ],
);

/**
 * A REST POST's response, replayed for a retry with the same Idempotency-Key for 24 hours. Keys
 * belong to the caller that sent them (`api_key:<id>`), not to its whole organization.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    organizationId: organizationId(),
    caller: text('caller').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    /** The response body exactly as first sent. */
    responseBody: text('response_body').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.caller, t.key] }),
    index('idempotency_keys_expires_idx').on(t.expiresAt),
  ],
);
