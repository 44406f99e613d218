import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

/**
 * The one table from application error to tRPC code and HTTP status. Domain code and
 * repositories throw AppError; the API layer translates it with this table, on both doors.
 * Codes are named as tRPC names them, so clients of either door see one vocabulary.
 */
export const APP_ERRORS = {
  BAD_REQUEST: { trpc: 'BAD_REQUEST', status: 400 },
  UNAUTHORIZED: { trpc: 'UNAUTHORIZED', status: 401 },
  FORBIDDEN: { trpc: 'FORBIDDEN', status: 403 },
  NOT_FOUND: { trpc: 'NOT_FOUND', status: 404 },
  METHOD_NOT_SUPPORTED: { trpc: 'METHOD_NOT_SUPPORTED', status: 405 },
  CONFLICT: { trpc: 'CONFLICT', status: 409 },
  PRECONDITION_FAILED: { trpc: 'PRECONDITION_FAILED', status: 412 },
  PAYLOAD_TOO_LARGE: { trpc: 'PAYLOAD_TOO_LARGE', status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { trpc: 'UNSUPPORTED_MEDIA_TYPE', status: 415 },
  UNPROCESSABLE_CONTENT: { trpc: 'UNPROCESSABLE_CONTENT', status: 422 },
  TOO_MANY_REQUESTS: { trpc: 'TOO_MANY_REQUESTS', status: 429 },
  SERVICE_UNAVAILABLE: { trpc: 'SERVICE_UNAVAILABLE', status: 503 },
} as const satisfies Record<string, { trpc: TRPC_ERROR_CODE_KEY; status: number }>;

export type AppErrorCode = keyof typeof APP_ERRORS;

export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** A record that may be the one being created (a 409 lists them so a person can choose). */
export type DuplicateCandidate = { id: string } & Record<string, string | null>;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: {
      issues?: FieldIssue[];
      retryAfterSeconds?: number;
      candidates?: DuplicateCandidate[];
      /** A machine-readable reason a client acts on (e.g. send the person to SSO sign-in). */
      reason?: 'SSO_REQUIRED';
      /** Where a person goes to resolve the error. */
      signInUrl?: string;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return APP_ERRORS[this.code].status;
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);

/** What a lookup found, or a 404 naming what it looked for. */
export function orNotFound<T>(found: T | null | undefined, what: string): T {
  if (found === undefined || found === null) throw notFound(what);
  return found;
}

export const conflictOn = (field: string, message: string) =>
  new AppError('CONFLICT', message, { issues: [{ path: [field], message }] });

/**
 * A create refused because very similar records exist: they are the candidates, shown by both
 * doors (`candidates` in the REST body and in tRPC's error data). Sending `allowDuplicate: true`
 * creates the record anyway.
 */
export const possibleDuplicate = (what: string, candidates: DuplicateCandidate[]) =>
  new AppError(
    'CONFLICT',
    `A very similar ${what} already exists; send allowDuplicate: true to create it anyway`,
    { candidates },
  );
