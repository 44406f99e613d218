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

export async function consumeEmailVerificationToken(
  tx: IdentityTx,
  tokenHash: Uint8Array,
  now: Date,
) {
  const [row] = await tx
    .update(emailVerificationTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailVerificationTokens.tokenHash, tokenHash),
        isNull(emailVerificationTokens.usedAt),
        gt(emailVerificationTokens.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

export async function insertPasswordResetToken(
  tx: IdentityTx,
  values: { userId: string; tokenHash: Uint8Array; expiresAt: Date },
) {
  await tx.insert(passwordResetTokens).values(values);
}

export async function consumePasswordResetToken(tx: IdentityTx, tokenHash: Uint8Array, now: Date) {
  const [row] = await tx
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(passwordResetTokens.tokenHash, tokenHash),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

/** Voids the user's outstanding reset links (after a reset or a password change). */
export async function voidPasswordResetTokens(tx: IdentityTx, userId: string, now: Date) {
  await tx
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
}
