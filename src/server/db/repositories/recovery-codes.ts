import { and, eq, isNull } from 'drizzle-orm';
import { twoFactorRecoveryCodes } from '../schema';
import type { IdentityTx } from '../types';

export async function replaceRecoveryCodes(
  tx: IdentityTx,
  userId: string,
  codeHashes: Uint8Array[],
) {
  await tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  if (codeHashes.length) {
    await tx
      .insert(twoFactorRecoveryCodes)
      .values(codeHashes.map((codeHash) => ({ userId, codeHash })));
  }
}

/** Uses one unused code; false when it is not one of the user's, or was used. */
export async function consumeRecoveryCode(
  tx: IdentityTx,
  userId: string,
  codeHash: Uint8Array,
  now: Date,
) {
  const used = await tx
    .update(twoFactorRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(twoFactorRecoveryCodes.userId, userId),
        eq(twoFactorRecoveryCodes.codeHash, codeHash),
        isNull(twoFactorRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: twoFactorRecoveryCodes.id });
  return used.length === 1;
}

export async function countUnusedRecoveryCodes(tx: IdentityTx, userId: string) {
  const codes = await tx
    .select({ id: twoFactorRecoveryCodes.id })
    .from(twoFactorRecoveryCodes)
    .where(and(eq(twoFactorRecoveryCodes.userId, userId), isNull(twoFactorRecoveryCodes.usedAt)));
  return codes.length;
}
