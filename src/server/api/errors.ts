import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { pgErrorOf } from '@/server/db/repositories/pg-errors';
import { APP_ERRORS, AppError, type DuplicateCandidate, type FieldIssue } from '@/server/errors';

/**
 * Translates anything thrown below the API layer into a TRPCError through the table in
 * server/errors.ts. Unknown errors stay INTERNAL_SERVER_ERROR; their message is masked later.
 */
export function toTRPCError(cause: unknown): TRPCError {
  if (cause instanceof TRPCError) {
    return cause.code === 'INTERNAL_SERVER_ERROR' && cause.cause ? toTRPCError(cause.cause) : cause;
  }
  const appError = appErrorIn(cause);
  if (appError) {
    return new TRPCError({
      code: APP_ERRORS[appError.code].trpc,
      message: appError.message,
      cause: appError,
    });
  }
  if (isDatabaseUnavailable(cause)) {
    return new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database is unavailable; try again shortly',
      cause: cause instanceof Error ? cause : undefined,
    });
  }
  return new TRPCError({
    code: 'INTERNAL_SERVER_ERROR',
    message: 'Internal server error',
    cause: cause instanceof Error ? cause : undefined,
  });
}

/**
 * The AppError thrown, or the one a wrapper carries as its cause: Drizzle wraps whatever a
 * statement throws, such as the 503 of a request whose database deadline passed.
 */
function appErrorIn(error: unknown): AppError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof AppError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const UNAVAILABLE_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/** Connection loss, shutdown, or a statement cancelled by its timeout. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const pg = pgErrorOf(error);
  if (pg) return pg.code.startsWith('08') || pg.code.startsWith('57');
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_NETWORK_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * What an error body holds at most, whatever was sent: a body of thousands of unknown fields,
 * or one huge field name, gets a short answer. The OpenAPI document states these bounds.
 */
export const ERROR_BODY_LIMITS = {
  messageLength: 1000,
  issues: 100,
  pathDepth: 10,
  pathSegmentLength: 200,
  candidates: 10,
} as const;

/** Field issues of a failed input validation or of an AppError, in one shape, bounded. */
export function fieldIssuesOf(error: TRPCError): FieldIssue[] | undefined {
  return allFieldIssuesOf(error)
    ?.slice(0, ERROR_BODY_LIMITS.issues)
    .map(({ path, message }) => ({
      path: path
        .slice(0, ERROR_BODY_LIMITS.pathDepth)
        .map((segment) =>
          typeof segment === 'string'
            ? segment.slice(0, ERROR_BODY_LIMITS.pathSegmentLength)
            : segment,
        ),
      message: message.slice(0, ERROR_BODY_LIMITS.messageLength),
    }));
}

function allFieldIssuesOf(error: TRPCError): FieldIssue[] | undefined {
  const cause = error.cause;
  if (cause instanceof ZodError) {
    return cause.issues.flatMap((issue) => {
      const path = issue.path.map((segment) =>
        typeof segment === 'symbol' ? String(segment) : segment,
      );
      // One issue per unknown field, on that field, rather than one on the object.
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({
          path: [...path, key],
          message: 'is not a field that can be set',
        }));
      }
      return [{ path, message: issue.message }];
    });
  }
  if (cause instanceof AppError) return cause.details.issues;
  return undefined;
}

/** The possible duplicates a refused create names (see possibleDuplicate), bounded. */
export function candidatesOf(error: TRPCError): DuplicateCandidate[] | undefined {
  const cause = error.cause;
  if (!(cause instanceof AppError) || !cause.details.candidates) return undefined;
  return cause.details.candidates.slice(0, ERROR_BODY_LIMITS.candidates);
}

/** A refusal's machine-readable reason and the sign-in page that resolves it, if it has one. */
export function reasonOf(error: TRPCError): { reason: string; signInUrl?: string } | undefined {
  const cause = error.cause;
  if (!(cause instanceof AppError) || !cause.details.reason) return undefined;
  return { reason: cause.details.reason, signInUrl: cause.details.signInUrl };
}

export function publicMessageOf(error: TRPCError): string {
  if (error.code === 'INTERNAL_SERVER_ERROR') return 'Internal server error';
  if (error.cause instanceof ZodError) return 'Input validation failed';
  if (echoesJavaScriptError(error)) {
    return error.cause instanceof SyntaxError
      ? 'The input is not valid JSON'
      : 'The input could not be read';
  }
  return error.message.slice(0, ERROR_BODY_LIMITS.messageLength);
}

/**
 * Whether the message is only that of a JavaScript error underneath. tRPC reports an input it
 * could not parse or deserialize that way ("Unexpected end of JSON input", "Maximum call stack
 * size exceeded"), and such text says nothing useful to a client and something about the server.
 */
function echoesJavaScriptError(error: TRPCError): boolean {
  const cause = error.cause;
  return (
    cause instanceof Error &&
    !(cause instanceof AppError) &&
    !(cause instanceof TRPCError) &&
    error.message === cause.message
  );
}
