import { and, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { oauthSigningKeys } from '../schema';
import type { IdentityTx } from '../types';

export type OAuthSigningKeyRow = typeof oauthSigningKeys.$inferSelect;

/** The keys still published, newest first: the first one signs. */
export async function listPublishedSigningKeys(tx: IdentityTx, now = new Date()) {
  return tx
    .select()
    .from(oauthSigningKeys)
    .where(or(isNull(oauthSigningKeys.expiresAt), gt(oauthSigningKeys.expiresAt, now)))
    .orderBy(desc(oauthSigningKeys.createdAt));
}

/** Holds the key rotation's lock to the end of the transaction: instances take turns. */
export async function lockSigningKeys(tx: IdentityTx) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('oauth_signing_keys'))`);
}

export async function insertSigningKey(
  tx: IdentityTx,
  values: Pick<OAuthSigningKeyRow, 'kid' | 'publicJwk' | 'sealedPrivateJwk' | 'createdAt'>,
) {
  await tx.insert(oauthSigningKeys).values(values);
}

/** Stops a key signing; it stays published until `expiresAt`. */
export async function retireSigningKey(tx: IdentityTx, kid: string, now: Date, expiresAt: Date) {
  await tx
    .update(oauthSigningKeys)
    .set({ retiredAt: now, expiresAt })
    .where(and(eq(oauthSigningKeys.kid, kid), isNull(oauthSigningKeys.retiredAt)));
}

export async function deleteExpiredSigningKeys(tx: IdentityTx, now = new Date()) {
  await tx.delete(oauthSigningKeys).where(lte(oauthSigningKeys.expiresAt, now));
}
