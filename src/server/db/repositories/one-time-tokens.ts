import { and, eq, gt, isNull } from 'drizzle-orm';
import { emailVerificationTokens, passwordResetTokens } from '../schema';
import type { IdentityTx } from '../types';

/** Tokens are stored as SHA-256 only; consuming one is a single atomic UPDATE, so it works once. */
export async function insertEmailVerificationToken(
  tx: IdentityTx,
  values: { userId: string; email: string; tokenHash: Uint8Array; expiresAt: Date },
) {
  await tx.insert(emailVerificationTokens).values(values);
}

type Tokens = typeof emailVerificationTokens | typeof passwordResetTokens;

/** Uses a token: marks it used if it is unused and unexpired, and returns it; else undefined. */
async function consume<Table extends Tokens>(
  tx: IdentityTx,
  table: Table,
  tokenHash: Uint8Array,
  now: Date,
): Promise<Table['$inferSelect'] | undefined> {
  const tokens: Tokens = table;
  const [row] = await tx
    .update(tokens)
    .set({ usedAt: now })
    .where(and(eq(tokens.tokenHash, tokenHash), isNull(tokens.usedAt), gt(tokens.expiresAt, now)))
    .returning();
  return row as Table['$inferSelect'] | undefined;
}

export const consumeEmailVerificationToken = (tx: IdentityTx, tokenHash: Uint8Array, now: Date) =>
  consume(tx, emailVerificationTokens, tokenHash, now);

export async function insertPasswordResetToken(
  tx: IdentityTx,
  values: { userId: string; tokenHash: Uint8Array; expiresAt: Date },
) {
  await tx.insert(passwordResetTokens).values(values);
}

export const consumePasswordResetToken = (tx: IdentityTx, tokenHash: Uint8Array, now: Date) =>
  consume(tx, passwordResetTokens, tokenHash, now);

/** Voids the user's outstanding reset links (after a reset or a password change). */
export async function voidPasswordResetTokens(tx: IdentityTx, userId: string, now: Date) {
  await tx
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
}
