import { eq, lt } from 'drizzle-orm';
import { ssoSignInAttempts } from '../schema';
import type { IdentityTx } from '../types';

export type SsoSignInAttempt = typeof ssoSignInAttempts.$inferSelect;

export async function insertSsoSignInAttempt(
  tx: IdentityTx,
  values: Omit<typeof ssoSignInAttempts.$inferInsert, 'id' | 'createdAt'>,
) {
  await tx.insert(ssoSignInAttempts).values(values);
}

/** Drops attempts that expired unanswered (the hourly upkeep). */
export async function deleteExpiredSsoSignInAttempts(tx: IdentityTx, now = new Date()) {
  const deleted = await tx
    .delete(ssoSignInAttempts)
    .where(lt(ssoSignInAttempts.expiresAt, now))
    .returning({ id: ssoSignInAttempts.id });
  return deleted.length;
}

/**
 * Takes the attempt of a state hash out of the table: whoever deletes it first has it, so a
 * state works once even when two callbacks race. Returns it whether or not it has expired.
 */
export async function takeSsoSignInAttempt(
  tx: IdentityTx,
  stateHash: Uint8Array,
): Promise<SsoSignInAttempt | undefined> {
  const [row] = await tx
    .delete(ssoSignInAttempts)
    .where(eq(ssoSignInAttempts.stateHash, stateHash))
    .returning();
  return row;
}
