import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { apiKeyPrincipals, apiKeys, users } from '../schema';
import type { Database, IdentityTx, TenantTx } from '../types';
import { primaryOf } from '../replicas';
import type { Role } from '@/schemas/permissions';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function insertApiKey(
  tx: TenantTx | IdentityTx,
  values: {
    organizationId: string;
    name: string;
    role: Role;
    prefix: string;
    keyHash: Uint8Array;
    createdById?: string | null;
    expiresAt?: Date | null;
  },
): Promise<ApiKeyRow> {
  const [row] = await tx.insert(apiKeys).values(values).returning();
  return row!;
}

/**
 * The lookup every API-key request starts with, built once per database handle and run as a
 * prepared statement: no query building on the hot path.
 */
const apiKeyLookups = new WeakMap<Database, ReturnType<typeof prepareApiKeyLookup>>();

function prepareApiKeyLookup(db: Database) {
  return db
    .select()
    .from(apiKeyPrincipals)
    .where(
      and(
        eq(apiKeyPrincipals.keyHash, sql.placeholder('keyHash')),
        isNull(apiKeyPrincipals.revokedAt),
        or(
          isNull(apiKeyPrincipals.expiresAt),
          gt(apiKeyPrincipals.expiresAt, sql.placeholder('now')),
        ),
      ),
    )
    .limit(1)
    .prepare('api_key_principal');
}

export type ApiKeyAccess = NonNullable<Awaited<ReturnType<typeof findActiveApiKeyByHash>>>;

/** A live key by its hash, with its organization: one statement, no transaction needed. */
export async function findActiveApiKeyByHash(db: Database, keyHash: Uint8Array, now: Date) {
  const primary = primaryOf(db);
  let lookup = apiKeyLookups.get(primary);
  if (!lookup) apiKeyLookups.set(primary, (lookup = prepareApiKeyLookup(primary)));
  // A placeholder skips the column's encoder: the date goes as the text the column's would send.
  const [row] = await lookup.execute({ keyHash, now: now.toISOString() });
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    organization: {
      id: row.organizationId,
      name: row.organizationName,
      slug: row.organizationSlug,
    },
  };
}

/**
 * A live key by its id, with its role and expiry, read on the primary: to re-check the access of
 * a request that outlives its start (a live stream).
 */
export async function findActiveApiKeyById(db: Database, id: string, now: Date) {
  const [row] = await primaryOf(db)
    .select({ role: apiKeyPrincipals.role, expiresAt: apiKeyPrincipals.expiresAt })
    .from(apiKeyPrincipals)
    .where(
      and(
        eq(apiKeyPrincipals.id, id),
        isNull(apiKeyPrincipals.revokedAt),
        or(isNull(apiKeyPrincipals.expiresAt), gt(apiKeyPrincipals.expiresAt, now)),
      ),
    )
    .limit(1);
  return row;
}

export async function markApiKeyUsed(tx: IdentityTx, id: string, now: Date) {
  await tx.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id));
}

/** The organization's keys, newest first (tenant transaction). */
export async function listApiKeys(tx: TenantTx) {
  return tx
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      role: apiKeys.role,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      createdBy: users.name,
      lastUsedAt: apiKeys.lastUsedAt,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdById))
    .where(eq(apiKeys.organizationId, tx.organizationId))
    .orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey(tx: TenantTx, id: string, now: Date) {
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(
      and(
        eq(apiKeys.organizationId, tx.organizationId),
        eq(apiKeys.id, id),
        isNull(apiKeys.revokedAt),
      ),
    )
    .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix });
  return row;
}
