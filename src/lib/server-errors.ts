import { TRPCClientError } from '@trpc/client';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

interface ErrorData {
  httpStatus?: number;
  requestId?: string | null;
  issues?: { path: (string | number)[]; message: string }[] | null;
}

function dataOf(error: unknown): ErrorData | undefined {
  return error instanceof TRPCClientError ? (error.data as ErrorData | undefined) : undefined;
}

/** What to tell a person about a failed call; internal errors come with their request id. */
export function describeError(error: unknown): string {
  const data = dataOf(error);
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
  for (const issue of dataOf(error)?.issues ?? []) {
    const field = issue.path[0];
    if (typeof field === 'string' && fields.includes(field)) {
      setError(field as Path<T>, { type: 'server', message: issue.message });
      applied = true;
    }
  }
  return applied;
}
