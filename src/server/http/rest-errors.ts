import type { DuplicateCandidate, FieldIssue } from '@/server/errors';

/** The error body of every REST failure. */
export interface RestError {
  code: string;
  message: string;
  issues?: FieldIssue[];
  candidates?: DuplicateCandidate[];
  requestId: string;
}

/** RFC 6750's challenge; a bearer token that was sent and refused is an `invalid_token`. */
export function bearerChallenge(authorization: string | null): string {
  const realm = 'Bearer realm="Clientele API"';
  if (!authorization || !/^bearer\s/i.test(authorization)) return realm;
  return `${realm}, error="invalid_token", error_description="The API key is invalid, expired or revoked"`;
}

/** trpc-to-openapi's error body, reduced to the public shape (no stack, no internals). */
export function restErrorOf(body: string | undefined, requestId: string): RestError {
  let parsed: {
    code?: string;
    message?: string;
    data?: { issues?: FieldIssue[] | null; candidates?: DuplicateCandidate[] };
  } = {};
  try {
    parsed = JSON.parse(body ?? '{}');
  } catch {
    // keep the defaults below
  }
  const issues = parsed.data?.issues ?? undefined;
  const candidates = parsed.data?.candidates ?? undefined;
  return {
    code: parsed.code ?? 'INTERNAL_SERVER_ERROR',
    message: parsed.message ?? 'Internal server error',
    ...(issues ? { issues } : {}),
    ...(candidates ? { candidates } : {}),
    requestId,
  };
}
