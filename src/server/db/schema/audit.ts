import { bigint, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz } from './columns';
import { actorTypeEnum } from './enums';
import { bytea, organizations } from './identity';

export interface AuditChanges {
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Append-only: the runtime roles may insert and read, never update or delete. Account-level
 * security events (sign-in, password, two-factor) belong to no organization.
 */
export const auditLogs = pgTable(
  'audit_logs',
  {
    id: id(),
    organizationId: uuid('organization_id').references(() => organizations.id, {
      onDelete: 'cascade',
    }),
    /** The account a security event is about (the actor may differ, or be unknown). */
    subjectUserId: uuid('subject_user_id'),
    actorType: actorTypeEnum('actor_type').notNull(),
    actorId: uuid('actor_id'),
    /** The OAuth app a person acted through (the actor is the person). */
    appId: uuid('app_id'),
    /** The software that made the call, as it named itself (an MCP client's name and version). */
    clientName: text('client_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id'),
    changes: jsonb('changes').$type<AuditChanges>().notNull().default({}),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    createdAt: createdAt(),
    /**
     * The hash chain, filled in by the database when the row's transaction commits (trigger
     * audit_logs_link): each row's place in its organization's chain, the previous row's hash,
     * and its own hash over its fields and the hash of `changes` (taken at insert). Erasing personal data replaces `changes` but keeps `changes_hash`,
     * so the chain still verifies.
     */
    sequence: bigint('sequence', { mode: 'number' }),
    previousHash: bytea('previous_hash'),
    changesHash: bytea('changes_hash'),
    hash: bytea('hash'),
    erasedAt: timestamptz('erased_at'),
  },
  (t) => [
    index('audit_logs_org_created_idx').on(t.organizationId, t.createdAt, t.id),
    index('audit_logs_org_entity_idx').on(t.organizationId, t.entityType, t.entityId),
    index('audit_logs_org_actor_idx').on(t.organizationId, t.actorId),
    index('audit_logs_subject_idx').on(t.subjectUserId, t.createdAt),
    uniqueIndex('audit_logs_org_sequence_unique').on(t.organizationId, t.sequence),
  ],
);

/** The head of each organization's audit chain (and of the account-level one); trigger-owned. */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chainKey: uuid('chain_key').primaryKey(),
  lastSequence: bigint('last_sequence', { mode: 'number' }).notNull(),
  lastHash: bytea('last_hash').notNull(),
});
