interface ErrorData {
  code?: string;
  issues?: { path: (string | number)[]; message: string }[] | null;
}

function dataOf(error: unknown): ErrorData | undefined {
  if (typeof error !== 'object' || error === null || !('data' in error)) return undefined;
  return (error as { data?: ErrorData | null }).data ?? undefined;
}

/** The tRPC error code of a failed call ("NOT_FOUND", "CONFLICT", …). */
export const errorCode = (error: unknown) => dataOf(error)?.code;

/** A 409 because someone else saved a newer version since this one was read. */
export function isStaleVersion(error: unknown): boolean {
  const data = dataOf(error);
  return (
    data?.code === 'CONFLICT' &&
    (data.issues ?? []).some((issue) => issue.path[0] === 'expectedVersion')
  );
}

/** The server's field issues, with their whole path (e.g. ["lines", 0, "quantity"]). */
export const issuesOf = (error: unknown) => dataOf(error)?.issues ?? [];
