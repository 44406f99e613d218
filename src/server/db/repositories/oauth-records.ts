import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { oauthApps, oauthRecords, users } from '../schema';
import type { IdentityTx, TenantTx } from '../types';

export type OAuthRecordRow = typeof oauthRecords.$inferSelect;

export interface OAuthRecordValues {
  payload: Record<string, unknown>;
  grantId: string | null;
  uid: string | null;
  accountId: string | null;
  clientId: string | null;
  expiresAt: Date | null;
}

export async function upsertOAuthRecord(
  tx: IdentityTx,
  model: string,
  id: string,
  values: OAuthRecordValues,
): Promise<void> {
  await tx
    .insert(oauthRecords)
    .values({ model, id, ...values })
    .onConflictDoUpdate({ target: [oauthRecords.model, oauthRecords.id], set: values });
}

/** A record that has not expired. */
export async function findOAuthRecord(
  tx: IdentityTx,
  model: string,
  where: { id: string } | { uid: string },
  now = new Date(),
): Promise<OAuthRecordRow | undefined> {
  const [row] = await tx
    .select()
    .from(oauthRecords)
    .where(
      and(
        eq(oauthRecords.model, model),
        'id' in where ? eq(oauthRecords.id, where.id) : eq(oauthRecords.uid, where.uid),
        or(isNull(oauthRecords.expiresAt), gt(oauthRecords.expiresAt, now)),
      ),
    )
    .limit(1);
  return row;
}

export async function consumeOAuthRecord(tx: IdentityTx, model: string, id: string) {
  await tx
    .update(oauthRecords)
    .set({ consumedAt: new Date() })
    .where(and(eq(oauthRecords.model, model), eq(oauthRecords.id, id)));
}

export async function destroyOAuthRecord(tx: IdentityTx, model: string, id: string) {
  await tx.delete(oauthRecords).where(and(eq(oauthRecords.model, model), eq(oauthRecords.id, id)));
}

/** Everything issued under a grant, and the grant: what revoking it ends. */
export async function destroyOAuthGrant(tx: IdentityTx | TenantTx, grantId: string) {
  await tx
    .delete(oauthRecords)
    .where(
      or(
        eq(oauthRecords.grantId, grantId),
        and(eq(oauthRecords.model, 'Grant'), eq(oauthRecords.id, grantId)),
      ),
    );
}

/** Whether a grant still stands: an access token issued under it is honoured only then. */
export async function oauthGrantExists(tx: IdentityTx, grantId: string, now = new Date()) {
  return Boolean(await findOAuthRecord(tx, 'Grant', { id: grantId }, now));
}

/** The grants people gave the apps (one per person and app), newest first. */
export async function listOAuthGrants(
  tx: IdentityTx,
  where: { accountId?: string; clientIds?: readonly string[] },
  now = new Date(),
) {
  if (where.clientIds && where.clientIds.length === 0) return [];
  return tx
    .select({
      grantId: oauthRecords.id,
      accountId: oauthRecords.accountId,
      clientId: oauthRecords.clientId,
      payload: oauthRecords.payload,
      createdAt: oauthRecords.createdAt,
      expiresAt: oauthRecords.expiresAt,
    })
    .from(oauthRecords)
    .where(
      and(
        eq(oauthRecords.model, 'Grant'),
        or(isNull(oauthRecords.expiresAt), gt(oauthRecords.expiresAt, now)),
        where.accountId ? eq(oauthRecords.accountId, where.accountId) : undefined,
        where.clientIds
          ? sql`${oauthRecords.clientId} = any(${sql.param([...where.clientIds])}::text[])`
          : undefined,
      ),
    )
    .orderBy(sql`${oauthRecords.createdAt} desc`);
}

/** Drops records past their expiry (the hourly upkeep). */
export async function deleteExpiredOAuthRecords(tx: IdentityTx, now = new Date()) {
  const deleted = await tx
    .delete(oauthRecords)
    .where(lte(oauthRecords.expiresAt, now))
    .returning({ id: oauthRecords.id });
  return deleted.length;
}

/** Which of the organization's grants to read: one app's, or one grant. */
export interface OrganizationGrantFilter {
  appId?: string;
  grantId?: string;
}

/**
 * The grants people gave the organization's apps (tenant role: row-level security shows only
 * the records of its apps), with the app and the person, newest first.
 */
export async function listOrganizationGrants(
  tx: TenantTx,
  filter: OrganizationGrantFilter = {},
  now = new Date(),
) {
  return tx
    .select({
      grantId: oauthRecords.id,
      payload: oauthRecords.payload,
      createdAt: oauthRecords.createdAt,
      app: { id: oauthApps.id, name: oauthApps.name, clientId: oauthApps.clientId },
      user: { id: users.id, name: users.name, email: users.email },
    })
    .from(oauthRecords)
    .innerJoin(oauthApps, eq(oauthApps.clientId, oauthRecords.clientId))
    .innerJoin(users, sql`${users.id}::text = ${oauthRecords.accountId}`)
    .where(
      and(
        eq(oauthRecords.model, 'Grant'),
        eq(oauthApps.organizationId, tx.organizationId),
        or(isNull(oauthRecords.expiresAt), gt(oauthRecords.expiresAt, now)),
        filter.appId ? eq(oauthApps.id, filter.appId) : undefined,
        filter.grantId ? eq(oauthRecords.id, filter.grantId) : undefined,
      ),
    )
    .orderBy(sql`${oauthRecords.createdAt} desc`);
}
export type OrganizationGrant = Awaited<ReturnType<typeof listOrganizationGrants>>[number];

/** A grant of the organization's apps, if it stands. */
export async function findOrganizationGrant(
  tx: TenantTx,
  grantId: string,
  now = new Date(),
): Promise<OrganizationGrant | undefined> {
  const [grant] = await listOrganizationGrants(tx, { grantId }, now);
  return grant;
}

/** A person's grants to any organization's apps (all, or the one asked for). */
function selectGrantsOfPerson(tx: IdentityTx, userId: string, now: Date, grantId?: string) {
  return tx
    .select({
      grantId: oauthRecords.id,
      payload: oauthRecords.payload,
      createdAt: oauthRecords.createdAt,
      app: {
        id: oauthApps.id,
        name: oauthApps.name,
        logoUrl: oauthApps.logoUrl,
        clientId: oauthApps.clientId,
        organizationId: oauthApps.organizationId,
      },
    })
    .from(oauthRecords)
    .innerJoin(oauthApps, eq(oauthApps.clientId, oauthRecords.clientId))
    .where(
      and(
        eq(oauthRecords.model, 'Grant'),
        eq(oauthRecords.accountId, userId),
        or(isNull(oauthRecords.expiresAt), gt(oauthRecords.expiresAt, now)),
        grantId === undefined ? undefined : eq(oauthRecords.id, grantId),
      ),
    );
}

/** A person's grants to any organization's apps, with the app and its organization. */
export async function listGrantsOfPerson(tx: IdentityTx, userId: string, now = new Date()) {
  return selectGrantsOfPerson(tx, userId, now).orderBy(sql`${oauthRecords.createdAt} desc`);
}

/** One of a person's grants, if it is theirs and stands. */
export async function findGrantOfPerson(
  tx: IdentityTx,
  userId: string,
  grantId: string,
  now = new Date(),
) {
  const [grant] = await selectGrantsOfPerson(tx, userId, now, grantId).limit(1);
  return grant;
}
