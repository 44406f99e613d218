import { sql } from 'drizzle-orm';
import {
  boolean,
  type AnyPgColumn,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  type PgColumnBuilderBase,
} from 'drizzle-orm/pg-core';
import { belongsTo, bytea, createdAt, id, refersTo, timestamps, timestamptz } from './columns';
import { roleEnum } from './enums';
import { ssoConnections } from './sso';

export { bytea };

export const organizations = pgTable('organizations', {
  id: id(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique('organizations_slug_unique'),
  /**
   * Set on a sandbox: the live organization it is the twin of (one twin each), deleted with it.
   * A sandbox has the same schema and its own rows; its API keys start `clt_test_`.
   */
  sandboxOfId: uuid('sandbox_of_id')
    .unique('organizations_sandbox_of_unique')
    .references((): AnyPgColumn => organizations.id, { onDelete: 'cascade' }),
  ...timestamps(),
});

/** The organization a row belongs to, and is deleted with. */
export const organizationId = () => belongsTo('organization_id', () => organizations.id);

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    emailVerifiedAt: timestamptz('email_verified_at'),
    /** The TOTP key, sealed with ENCRYPTION_KEY (see crypto/secret-box.ts). */
    twoFactorSecret: text('two_factor_secret'),
    twoFactorEnabledAt: timestamptz('two_factor_enabled_at'),
    /** The last TOTP time step accepted, so a code cannot be used twice. */
    twoFactorLastStep: integer('two_factor_last_step'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('users_email_unique').on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    organizationId: organizationId(),
    userId: belongsTo('user_id', () => users.id),
    role: roleEnum('role').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('memberships_organization_user_unique').on(t.organizationId, t.userId),
    index('memberships_user_idx').on(t.userId),
  ],
);

/** Lucia's session design: the token is `<id>.<secret>`; only SHA-256(secret) is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: bytea('secret_hash').notNull(),
    userId: belongsTo('user_id', () => users.id),
    activeOrganizationId: refersTo('active_organization_id', () => organizations.id),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    /** False until the second factor is given, for users who have two-factor authentication. */
    twoFactorVerified: boolean('two_factor_verified').notNull().default(false),
    /** When the password was last confirmed in this session, for sensitive actions. */
    reauthenticatedAt: timestamptz('reauthenticated_at'),
    /**
     * The organization's SSO connection this session was opened through, if it was; removing
     * the connection ends the sessions it opened.
     */
    ssoConnectionId: uuid('sso_connection_id').references(() => ssoConnections.id, {
      onDelete: 'cascade',
    }),
    createdAt: createdAt(),
    lastSeenAt: timestamptz('last_seen_at').notNull().defaultNow(),
    /** Sliding (idle) expiry, pushed forward as the session is used. */
    expiresAt: timestamptz('expires_at').notNull(),
    /** Absolute lifetime: the session ends here however active it is. */
    absoluteExpiresAt: timestamptz('absolute_expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    organizationId: organizationId(),
    email: text('email').notNull(),
    role: roleEnum('role').notNull(),
    tokenHash: bytea('token_hash').notNull(),
    invitedById: refersTo('invited_by_id', () => users.id),
    expiresAt: timestamptz('expires_at').notNull(),
    acceptedAt: timestamptz('accepted_at'),
    revokedAt: timestamptz('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('invitations_token_hash_unique').on(t.tokenHash),
    uniqueIndex('invitations_pending_email_unique')
      .on(t.organizationId, sql`lower(${t.email})`)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);

/** One-time recovery codes for two-factor authentication; only their SHA-256 is kept. */
export const twoFactorRecoveryCodes = pgTable(
  'two_factor_recovery_codes',
  {
    id: id(),
    userId: belongsTo('user_id', () => users.id),
    codeHash: bytea('code_hash').notNull(),
    usedAt: timestamptz('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('two_factor_recovery_codes_user_code_unique').on(t.userId, t.codeHash)],
);

/**
 * A table of tokens sent to a user by e-mail: only their SHA-256 is kept, and each works once
 * before it expires. `columns` are what a token of the kind carries besides.
 */
const emailedTokens = <Name extends string, Columns extends Record<string, PgColumnBuilderBase>>(
  name: Name,
  columns: Columns,
) =>
  pgTable(
    name,
    {
      id: id(),
      userId: belongsTo('user_id', () => users.id),
      ...columns,
      tokenHash: bytea('token_hash').notNull(),
      expiresAt: timestamptz('expires_at').notNull(),
      usedAt: timestamptz('used_at'),
      createdAt: createdAt(),
    },
    (t) => [
      uniqueIndex(`${name}_token_hash_unique`).on(t.tokenHash),
      index(`${name}_user_idx`).on(t.userId),
    ],
  );

export const passwordResetTokens = emailedTokens('password_reset_tokens', {});

export const emailVerificationTokens = emailedTokens('email_verification_tokens', {
  email: text('email').notNull(),
});

export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    organizationId: organizationId(),
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    /** The first characters of the key, shown so people can tell keys apart. */
    prefix: text('prefix').notNull(),
    keyHash: bytea('key_hash').notNull(),
    createdById: refersTo('created_by_id', () => users.id),
    lastUsedAt: timestamptz('last_used_at'),
    expiresAt: timestamptz('expires_at'),
    revokedAt: timestamptz('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('api_keys_key_hash_unique').on(t.keyHash),
    index('api_keys_organization_idx').on(t.organizationId, t.createdAt),
  ],
);
