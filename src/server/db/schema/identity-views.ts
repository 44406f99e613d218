import { boolean, pgSchema, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns';
import { roleEnum } from './enums';
import { bytea } from './identity';

/**
 * Views owned by the identity role (migration 0008), so the lookup that starts every request
 * is one statement outside a transaction, still under that role's row-level security.
 */
const identity = pgSchema('clientele_identity');

export const apiKeyPrincipals = identity
  .view('api_key_principals', {
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    keyHash: bytea('key_hash').notNull(),
    lastUsedAt: timestamptz('last_used_at'),
    revokedAt: timestamptz('revoked_at'),
    expiresAt: timestamptz('expires_at'),
    organizationId: uuid('organization_id').notNull(),
    organizationName: text('organization_name').notNull(),
    organizationSlug: text('organization_slug').notNull(),
  })
  .existing();

export const sessionPrincipals = identity
  .view('session_principals', {
    id: text('id').notNull(),
    secretHash: bytea('secret_hash').notNull(),
    userId: uuid('user_id').notNull(),
    twoFactorVerified: boolean('two_factor_verified').notNull(),
    reauthenticatedAt: timestamptz('reauthenticated_at'),
    lastSeenAt: timestamptz('last_seen_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    absoluteExpiresAt: timestamptz('absolute_expires_at').notNull(),
    userEmail: text('user_email').notNull(),
    userName: text('user_name').notNull(),
    userEmailVerifiedAt: timestamptz('user_email_verified_at'),
    userTwoFactorEnabledAt: timestamptz('user_two_factor_enabled_at'),
    organizationId: uuid('organization_id'),
    organizationName: text('organization_name'),
    organizationSlug: text('organization_slug'),
    organizationRole: roleEnum('organization_role'),
    /** The organization whose SSO connection opened the session, if one did. */
    ssoOrganizationId: uuid('sso_organization_id'),
    /** The active organization accepts only sessions opened through its SSO. */
    organizationSsoOnly: boolean('organization_sso_only').notNull(),
  })
  .existing();
