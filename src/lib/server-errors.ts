import type { TRPCClientErrorLike } from '@trpc/client';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { AppRouter } from '@/server/api/root';

/** What the server's error formatter puts on a failed call: code, status, request id, issues. */
type ServerErrorData = TRPCClientErrorLike<AppRouter>['data'];

/** The server's data on a failed call; none for errors that did not come from the server. */
function serverErrorData(error: unknown): ServerErrorData | undefined {
  if (typeof error !== 'object' || error === null || !('data' in error)) return undefined;
  return (error as { data?: ServerErrorData | null }).data ?? undefined;
}

/** The tRPC error code of a failed call ("NOT_FOUND", "CONFLICT", …). */
export const errorCode = (error: unknown) => serverErrorData(error)?.code;

/** The server's field issues, with their whole path (e.g. ["lines", 0, "quantity"]). */
export const issuesOf = (error: unknown) => serverErrorData(error)?.issues ?? [];

/** The record asked for does not exist; a malformed id cannot name one either. */
export function isNotFound(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'NOT_FOUND' || code === 'BAD_REQUEST';
}

/** A 409 because someone else saved a newer version since this one was read. */
export function isStaleVersion(error: unknown): boolean {
  return (
    errorCode(error) === 'CONFLICT' &&
    issuesOf(error).some((issue) => issue.path[0] === 'expectedVersion')
  );
}

/** What to tell a person about a failed call; internal errors come with their request id. */
export function describeError(error: unknown): string {
  const data = serverErrorData(error);
  const message = error instanceof Error ? error.message : 'Something went wrong';
  if (data?.httpStatus && data.httpStatus >= 500) {
    return `${message}${data.requestId ? ` (request id ${data.requestId})` : ''}`;
  }
  return message;
}

/**
 * Puts the server's field issues on the form's fields. Returns true when at least one landed
 * on a field, so the caller can skip a generic toast.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): boolean {
  let applied = false;
  for (const issue of issuesOf(error)) {
    const field = issue.path[0];
    if (typeof field === 'string' && fields.includes(field)) {
      setError(field as Path<T>, { type: 'server', message: issue.message });
      applied = true;
    }
  }
  return applied;
}

/**
 * The look-alike records a create was refused for (409 with `candidates`), so the person can
 * open one of them or create theirs anyway. None when the conflict was of another kind.
 */
export function duplicateCandidates(error: unknown): Record<string, unknown>[] {
  if (errorCode(error) !== 'CONFLICT') return [];
  const candidates = (serverErrorData(error) as { candidates?: unknown } | undefined)?.candidates;
  if (!Array.isArray(candidates)) return [];
  return candidates.filter(
    (candidate): candidate is Record<string, unknown> =>
      typeof candidate === 'object' &&
      candidate !== null &&
      typeof (candidate as { id?: unknown }).id === 'string',
  );
}
