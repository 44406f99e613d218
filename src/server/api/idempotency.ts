import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import { findIdempotencyKey, storeIdempotencyKey } from '@/server/db/repositories/idempotency-keys';
import { rows } from '@/server/db/rows';
import type { TenantTx } from '@/server/db/types';
import { AppError } from '@/server/errors';

/** A REST POST's Idempotency-Key and what identifies its request (method, path, body). */
export interface IdempotentRequest {
  key: string;
  requestHash: string;
}

const TTL_HOURS = 24;
const KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key, checked, with a hash of the request it was sent with. */
export function idempotentRequestOf(
  key: string | null,
  request: { method: string; path: string; body: unknown },
): IdempotentRequest | undefined {
  if (key === null) return undefined;
  if (!KEY.test(key)) {
    const message = 'must be 1 to 255 printable ASCII characters, e.g. a UUID';
    throw new AppError('BAD_REQUEST', `Idempotency-Key ${message}`, {
      issues: [{ path: ['Idempotency-Key'], message }],
    });
  }
  const canonical = `${request.method} ${request.path}\n${stringify(request.body ?? null)}`;
  return { key, requestHash: createHash('sha256').update(canonical).digest('hex') };
}

/** What a request holds (as a transaction-level advisory lock) while it runs under its key. */
export const idempotencyLockName = (organizationId: string, caller: string, key: string) =>
  `${organizationId}:${caller}:${key}`;

/** Thrown to answer a retry with the response first sent for its key (the REST door sends it). */
export class IdempotentReplay extends Error {
  constructor(readonly responseBody: string) {
    super('Replaying the stored response for this Idempotency-Key');
    this.name = 'IdempotentReplay';
  }
}

/**
 * Before a mutation runs: holds the caller's key for this transaction (a concurrent request
 * with the same key is refused, 409), then replays a stored response for the same request, or
 * refuses the key for a different one (422). Keys are the caller's own, as payment APIs scope
 * them: another API key of the organization may use the same key for its own requests.
 */
export async function claimIdempotencyKey(
  tx: TenantTx,
  caller: string,
  request: IdempotentRequest,
) {
  const [lock] = rows<{ locked: boolean }>(
    await tx.execute(
      sql`select pg_try_advisory_xact_lock(hashtextextended(${idempotencyLockName(tx.organizationId, caller, request.key)}, 0)) as locked`,
    ),
  );
  if (!lock?.locked) {
    throw new AppError(
      'CONFLICT',
      'A request with this Idempotency-Key is still being processed; retry once it has finished',
    );
  }
  const stored = await findIdempotencyKey(tx, caller, request.key);
  if (!stored) return;
  if (stored.requestHash !== request.requestHash) {
    throw new AppError(
      'UNPROCESSABLE_CONTENT',
      'This Idempotency-Key was already used for a different request; use a new key for each request',
    );
  }
  throw new IdempotentReplay(stored.responseBody);
}

/** After the mutation, in its transaction: the response is kept for retries for 24 hours. */
export async function storeIdempotentResponse(
  tx: TenantTx,
  caller: string,
  request: IdempotentRequest,
  data: unknown,
) {
  await storeIdempotencyKey(tx, {
    ...request,
    caller,
    responseBody: JSON.stringify(data),
    ttlHours: TTL_HOURS,
  });
}
