import { and, desc, eq } from 'drizzle-orm';
import { oauthApps, organizations } from '../schema';
import type { IdentityTx, TenantTx } from '../types';

export type OAuthAppRow = typeof oauthApps.$inferSelect;
export type NewOAuthApp = Omit<
  typeof oauthApps.$inferInsert,
  'id' | 'createdAt' | 'updatedAt' | 'secretRotatedAt'
>;

export async function insertOAuthApp(
  tx: TenantTx | IdentityTx,
  values: NewOAuthApp,
): Promise<OAuthAppRow> {
  const [row] = await tx.insert(oauthApps).values(values).returning();
  return row!;
}

/** An app by its client id, with its organization: how the authorization server finds it. */
export async function findOAuthAppByClientId(tx: IdentityTx, clientId: string) {
  const [row] = await tx
    .select({
      app: oauthApps,
      organization: { id: organizations.id, name: organizations.name, slug: organizations.slug },
    })
    .from(oauthApps)
    .innerJoin(organizations, eq(organizations.id, oauthApps.organizationId))
    .where(eq(oauthApps.clientId, clientId))
    .limit(1);
  return row;
}

export async function findOAuthAppById(tx: IdentityTx, id: string) {
  const [row] = await tx.select().from(oauthApps).where(eq(oauthApps.id, id)).limit(1);
  return row;
}

export async function listOAuthApps(tx: TenantTx): Promise<OAuthAppRow[]> {
  return tx
    .select()
    .from(oauthApps)
    .where(eq(oauthApps.organizationId, tx.organizationId))
    .orderBy(desc(oauthApps.createdAt));
}

/** An app of the organization; `lock` holds it for a change until the transaction ends. */
export async function findOAuthApp(
  tx: TenantTx,
  id: string,
  lock = false,
): Promise<OAuthAppRow | undefined> {
  const query = tx
    .select()
    .from(oauthApps)
    .where(and(eq(oauthApps.organizationId, tx.organizationId), eq(oauthApps.id, id)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateOAuthApp(
  tx: TenantTx,
  id: string,
  values: Partial<Pick<OAuthAppRow, 'name' | 'logoUrl' | 'redirectUris' | 'scopes' | 'role'>>,
): Promise<OAuthAppRow | undefined> {
  const [row] = await tx
    .update(oauthApps)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(oauthApps.organizationId, tx.organizationId), eq(oauthApps.id, id)))
    .returning();
  return row;
}

export async function replaceOAuthAppSecret(
  tx: TenantTx,
  id: string,
  secretHash: Uint8Array,
): Promise<OAuthAppRow | undefined> {
  const now = new Date();
  const [row] = await tx
    .update(oauthApps)
    .set({ secretHash, secretRotatedAt: now, updatedAt: now })
    .where(and(eq(oauthApps.organizationId, tx.organizationId), eq(oauthApps.id, id)))
    .returning();
  return row;
}

export async function deleteOAuthApp(tx: TenantTx, id: string): Promise<OAuthAppRow | undefined> {
  const [row] = await tx
    .delete(oauthApps)
    .where(and(eq(oauthApps.organizationId, tx.organizationId), eq(oauthApps.id, id)))
    .returning();
  return row;
}
