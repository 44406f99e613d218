import { eq, sql, type SQL } from 'drizzle-orm';
import { organizations, ssoConnections } from '../schema';
import type { IdentityTx, TenantTx } from '../types';

export type SsoConnectionRow = typeof ssoConnections.$inferSelect;
export type SsoConnectionValues = Pick<
  SsoConnectionRow,
  'issuer' | 'clientId' | 'sealedClientSecret' | 'allowedDomains' | 'defaultRole' | 'ssoOnly'
>;

/** The current organization's connection, if it has one. */
export async function findSsoConnection(tx: TenantTx): Promise<SsoConnectionRow | undefined> {
  const [row] = await tx
    .select()
    .from(ssoConnections)
    .where(eq(ssoConnections.organizationId, tx.organizationId))
    .limit(1);
  return row;
}

/** Creates the organization's connection or replaces its settings (one per organization). */
export async function saveSsoConnection(
  tx: TenantTx,
  values: SsoConnectionValues,
): Promise<SsoConnectionRow> {
  const [row] = await tx
    .insert(ssoConnections)
    .values({ ...values, organizationId: tx.organizationId })
    .onConflictDoUpdate({
      target: ssoConnections.organizationId,
      set: { ...values, updatedAt: new Date() },
    })
    .returning();
  return row!;
}

export async function deleteSsoConnection(tx: TenantTx): Promise<SsoConnectionRow | undefined> {
  const [row] = await tx
    .delete(ssoConnections)
    .where(eq(ssoConnections.organizationId, tx.organizationId))
    .returning();
  return row;
}

/** One connection with its organization, as the identity role finds it before sign-in. */
async function findConnectionWithOrganization(tx: IdentityTx, where: SQL) {
  const [row] = await tx
    .select({
      connection: ssoConnections,
      organization: { id: organizations.id, name: organizations.name, slug: organizations.slug },
    })
    .from(ssoConnections)
    .innerJoin(organizations, eq(organizations.id, ssoConnections.organizationId))
    .where(where)
    .orderBy(ssoConnections.createdAt)
    .limit(1);
  return row;
}

/** The connection that accepts people of an e-mail domain (the oldest, if two claim it). */
export const findSsoConnectionByDomain = (tx: IdentityTx, domain: string) =>
  findConnectionWithOrganization(
    tx,
    sql`${ssoConnections.allowedDomains} @> array[${domain.toLowerCase()}]::text[]`,
  );

export const findSsoConnectionBySlug = (tx: IdentityTx, slug: string) =>
  findConnectionWithOrganization(tx, eq(organizations.slug, slug));

export const findSsoConnectionById = (tx: IdentityTx, id: string) =>
  findConnectionWithOrganization(tx, eq(ssoConnections.id, id));

export type SsoConnectionWithOrganization = NonNullable<
  Awaited<ReturnType<typeof findSsoConnectionById>>
>;
