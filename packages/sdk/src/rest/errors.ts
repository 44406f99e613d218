import type { components } from '../generated/openapi.js';

/** The body of every REST error: `{code, message, issues?, candidates?, requestId}`. */
export type ClienteleApiError = components['schemas']['Error'];

/** A REST error answer, thrown where a call cannot hand it back (e.g. while paginating). */
export class ClienteleError extends Error {
  override readonly name = 'ClienteleError';
  /** The HTTP status, e.g. 404. */
  readonly status: number;
  readonly code: ClienteleApiError['code'];
  readonly issues: ClienteleApiError['issues'];
  /** Quote it when you contact support: it finds the request in the server's logs. */
  readonly requestId: string;
  readonly body: ClienteleApiError;

  constructor(status: number, body: ClienteleApiError) {
    super(`${status} ${body.code}: ${body.message}`);
    this.status = status;
    this.code = body.code;
    this.issues = body.issues;
    this.requestId = body.requestId;
    this.body = body;
  }
}

/** Whether an answer's body has the REST error shape. */
export function isClienteleApiError(body: unknown): body is ClienteleApiError {
  const candidate = body as Partial<ClienteleApiError> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.code === 'string' &&
    typeof candidate.message === 'string' &&
    typeof candidate.requestId === 'string'
  );
}
