import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { belongsTo, bytea, createdAt, id, timestamps, timestamptz } from './columns';
import { roleEnum } from './enums';
import { organizations } from './identity';

/**
 * An organization's OpenID Connect provider: its members sign in through it. The client secret
 * is sealed with ENCRYPTION_KEY; people it provisions join with `default_role` (never owner).
 * With `sso_only`, sessions that did not come through it cannot act in the organization
 * (owners excepted, so a broken provider cannot lock everyone out).
 */
export const ssoConnections = pgTable(
  'sso_connections',
  {
    id: id(),
    organizationId: belongsTo('organization_id', () => organizations.id),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    sealedClientSecret: text('sealed_client_secret').notNull(),
    /** Lower-case e-mail domains whose people sign in here. */
    allowedDomains: text('allowed_domains').array().notNull(),
    defaultRole: roleEnum('default_role').notNull(),
    ssoOnly: boolean('sso_only').notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('sso_connections_organization_unique').on(t.organizationId),
    index('sso_connections_domains_idx').using('gin', t.allowedDomains),
    check('sso_connections_default_role_not_owner', sql`${t.defaultRole} <> 'owner'`),
    check('sso_connections_has_domains', sql`cardinality(${t.allowedDomains}) >= 1`),
  ],
);

/**
 * A sign-in started at the provider and not yet back: single use, for ten minutes. Only SHA-256
 * of the state is kept; the browser that started it holds the state in a cookie as well.
 */
export const ssoSignInAttempts = pgTable(
  'sso_sign_in_attempts',
  {
    id: id(),
    stateHash: bytea('state_hash').notNull(),
    connectionId: belongsTo('connection_id', () => ssoConnections.id),
    codeVerifier: text('code_verifier').notNull(),
    nonce: text('nonce').notNull(),
    /** A same-origin path to land on afterwards. */
    nextPath: text('next_path'),
    expiresAt: timestamptz('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sso_sign_in_attempts_state_hash_unique').on(t.stateHash),
    index('sso_sign_in_attempts_expires_idx').on(t.expiresAt),
  ],
);
