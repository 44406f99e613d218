import { and, eq, gt, sql } from 'drizzle-orm';
import { idempotencyKeys } from '../schema';
import type { TenantTx } from '../types';
import { ofOrganization } from './tenant-rows';

/** The stored response for a caller's key, if it has not expired. */
export async function findIdempotencyKey(tx: TenantTx, caller: string, key: string) {
  const [row] = await tx
    .select({
      requestHash: idempotencyKeys.requestHash,
      responseBody: idempotencyKeys.responseBody,
    })
    .from(idempotencyKeys)
    .where(
      and(
        ofOrganization(tx, idempotencyKeys),
        eq(idempotencyKeys.caller, caller),
        eq(idempotencyKeys.key, key),
        gt(idempotencyKeys.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return row;
}

/** Stores a response; an expired entry under the same key is replaced. */
export async function storeIdempotencyKey(
  tx: TenantTx,
  values: {
    caller: string;
    key: string;
    requestHash: string;
    responseBody: string;
    ttlHours: number;
  },
) {
  const row = {
    caller: values.caller,
    key: values.key,
    requestHash: values.requestHash,
    responseBody: values.responseBody,
    createdAt: sql`now()`,
    expiresAt: sql`now() + make_interval(hours => ${values.ttlHours})`,
  };
  await tx
    .insert(idempotencyKeys)
    .values({ ...row, organizationId: tx.organizationId })
    .onConflictDoUpdate({
      target: [idempotencyKeys.organizationId, idempotencyKeys.caller, idempotencyKeys.key],
      set: row,
    });
}
