import { TRPCError } from '@trpc/server';

/** The tRPC code a call failed with; what it resolved or threw otherwise, so a test shows it. */
export async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof TRPCError ? error.code : error;
}
