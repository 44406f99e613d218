import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { OAUTH_APP_KINDS } from '@/schemas/oauth-apps';
import { createdAt, refersTo, timestamps, timestamptz, id } from './columns';
import { roleEnum } from './enums';
import { bytea, organizationId, users } from './identity';

/**
 * Apps registered by an organization's admins. An `authorization_code` app acts for the people
 * who connect it (confidential with a secret, or public with PKCE alone); a
 * `client_credentials` app acts as itself, with `role`. Only SHA-256 of the secret is kept.
 */
export const oauthApps = pgTable(
  'oauth_apps',
  {
    id: id(),
    organizationId: organizationId(),
    clientId: text('client_id').notNull(),
    name: text('name').notNull(),
    logoUrl: text('logo_url'),
    kind: text('kind', { enum: OAUTH_APP_KINDS }).notNull(),
    confidential: boolean('confidential').notNull(),
    redirectUris: text('redirect_uris')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The permissions the app may ask for; a token never holds more than its user's role. */
    scopes: text('scopes').array().notNull(),
    role: roleEnum('role'),
    secretHash: bytea('secret_hash'),
    secretRotatedAt: timestamptz('secret_rotated_at'),
    createdById: refersTo('created_by_id', () => users.id),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('oauth_apps_client_id_unique').on(t.clientId),
    index('oauth_apps_organization_idx').on(t.organizationId, t.createdAt),
  ],
);

/**
 * What the authorization server keeps between requests (grants, codes, refresh tokens,
 * interactions), one row per record. A record whose id is a credential (a code, a refresh
 * token) is stored under SHA-256 of it.
 */
export const oauthRecords = pgTable(
  'oauth_records',
  {
    model: text('model').notNull(),
    id: text('id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    grantId: text('grant_id'),
    uid: text('uid'),
    /** For grants: the person (account) and the app, to list and revoke connected apps. */
    accountId: text('account_id'),
    clientId: text('client_id'),
    expiresAt: timestamptz('expires_at'),
    consumedAt: timestamptz('consumed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.model, t.id] }),
    index('oauth_records_grant_idx').on(t.grantId),
    index('oauth_records_uid_idx').on(t.uid),
    index('oauth_records_account_idx').on(t.accountId, t.clientId),
    index('oauth_records_client_idx').on(t.clientId),
    index('oauth_records_expires_idx').on(t.expiresAt),
  ],
);

/**
 * The keys access tokens are signed with: the newest signs, older ones stay published until
 * the tokens they signed have expired. The private key is sealed with ENCRYPTION_KEY.
 */
export const oauthSigningKeys = pgTable('oauth_signing_keys', {
  kid: text('kid').primaryKey(),
  publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
  sealedPrivateJwk: text('sealed_private_jwk').notNull(),
  createdAt: createdAt(),
  /** When a newer key took over signing; published until `expiresAt`. */
  retiredAt: timestamptz('retired_at'),
  expiresAt: timestamptz('expires_at'),
});
