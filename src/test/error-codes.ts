import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import { AppError } from '@/server/errors';

/** The tRPC code a call failed with; what it resolved or threw otherwise, so a test shows it. */
export async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof TRPCError ? error.code : error;
}

/** The AppError a refused call threw, for its details (issues, candidates). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const cause = (error as TRPCError).cause;
  expect(cause).toBeInstanceOf(AppError);
  return cause as AppError;
}
