import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import { apiKeys, organizations, users } from '../schema';
import type { IdentityTx, TenantTx } from '../types';
import type { Role } from '@/server/auth/permissions';

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

/** A live key by its hash, with its organization. */
export async function findActiveApiKeyByHash(tx: IdentityTx, keyHash: Uint8Array, now: Date) {
  const [row] = await tx
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      role: apiKeys.role,
      lastUsedAt: apiKeys.lastUsedAt,
      organization: { id: organizations.id, name: organizations.name, slug: organizations.slug },
    })
    .from(apiKeys)
    .innerJoin(organizations, eq(organizations.id, apiKeys.organizationId))
    .where(
      and(
        eq(apiKeys.keyHash, keyHash),
        isNull(apiKeys.revokedAt),
        or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)),
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
