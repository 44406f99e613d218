import { ERROR_BODY_LIMITS } from './errors';
import { COMMON_HEADERS, REQUEST_ID_SCHEMA, ref, type Json } from './openapi-headers';

const ERROR_EXAMPLE = {
  code: 'NOT_FOUND',
  message: 'Customer not found',
  requestId: '5f0c6a43-2b8e-4a57-9d55-0c1f7f3f4c1e',
};

/** An array index in an error's path: bodies are at most 100 KB, so indexes are smaller. */
const MAX_PATH_INDEX = 100_000;

/** Every REST error has this body. */
export const errorSchema = {
  type: 'object',
  description: 'What went wrong. Quote `requestId` when you contact support.',
  required: ['code', 'message', 'requestId'],
  properties: {
    code: {
      type: 'string',
      description: 'A stable code for the kind of error.',
      enum: [
        'BAD_REQUEST',
        'UNAUTHORIZED',
        'FORBIDDEN',
        'NOT_FOUND',
        'METHOD_NOT_SUPPORTED',
        'CONFLICT',
        'PRECONDITION_FAILED',
        'PAYLOAD_TOO_LARGE',
        'UNSUPPORTED_MEDIA_TYPE',
        'UNPROCESSABLE_CONTENT',
        'TOO_MANY_REQUESTS',
        'INTERNAL_SERVER_ERROR',
        'SERVICE_UNAVAILABLE',
      ],
    },
    message: {
      type: 'string',
      maxLength: ERROR_BODY_LIMITS.messageLength,
      description: 'A sentence for the developer reading the log.',
    },
    issues: {
      type: 'array',
      maxItems: ERROR_BODY_LIMITS.issues,
      description: `For invalid input: each field that is wrong and why (the first ${ERROR_BODY_LIMITS.issues}).`,
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: {
          path: {
            type: 'array',
            maxItems: ERROR_BODY_LIMITS.pathDepth,
            description: 'Where the problem is, e.g. `["lines", 0, "quantity"]`.',
            items: {
              oneOf: [
                { type: 'string', maxLength: ERROR_BODY_LIMITS.pathSegmentLength },
                { type: 'integer', minimum: 0, maximum: MAX_PATH_INDEX },
              ],
            },
          },
          message: { type: 'string', maxLength: ERROR_BODY_LIMITS.messageLength },
        },
      },
    },
    candidates: {
      type: 'array',
      maxItems: ERROR_BODY_LIMITS.candidates,
      description:
        'For a create refused as a probable duplicate (409): the very similar records that exist ' +
        '(companies: `id`, `name`, `domain`; customers: `id`, `firstName`, `lastName`, `email`). ' +
        'Send `allowDuplicate: true` to create it anyway.',
      items: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string', format: 'uuid', maxLength: 36 } },
        additionalProperties: { type: ['string', 'null'], maxLength: 254 },
      },
    },
    requestId: { ...REQUEST_ID_SCHEMA, description: 'The `X-Request-Id` of the request.' },
  },
  example: ERROR_EXAMPLE,
};

/** The name an error response has among the document's responses: `NOT_FOUND` → `NotFound`. */
const responseName = (code: string) =>
  code.toLowerCase().replace(/(?:^|_)([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** An error response, named after its code: when it happens, an example, any extra headers. */
const errorResponse = (
  description: string,
  example: { code: string; message: string } & Json,
  extraHeaders: Json = {},
) => ({
  name: responseName(example.code),
  response: {
    description,
    headers: { ...COMMON_HEADERS, ...extraHeaders },
    content: {
      'application/json': {
        schema: ref('schemas', 'Error'),
        example: { ...example, requestId: ERROR_EXAMPLE.requestId },
      },
    },
  },
});

/** The error responses, by status, as operations refer to them. */
export const ERRORS: Record<string, { name: string; response: Json }> = {
  400: errorResponse('The input is invalid; `issues` names each wrong field.', {
    code: 'BAD_REQUEST',
    message: 'Input validation failed',
    issues: [{ path: ['email'], message: 'must be a valid e-mail address' }],
  }),
  401: errorResponse(
    'No API key, or one that is invalid or revoked.',
    { code: 'UNAUTHORIZED', message: 'Invalid or revoked API key' },
    { 'WWW-Authenticate': ref('headers', 'WWW-Authenticate') },
  ),
  403: errorResponse("The key's role does not allow this.", {
    code: 'FORBIDDEN',
    message: 'The viewer role does not allow customers:write',
  }),
  404: errorResponse(
    'There is no such resource in your organization (resources of other organizations are never visible).',
    { code: 'NOT_FOUND', message: 'Customer not found' },
  ),
  409: errorResponse(
    'The request conflicts with the current state (a duplicate, a stale `expectedVersion`; a probable ' +
      'duplicate lists its `candidates`), or a request with the same Idempotency-Key is still running.',
    {
      code: 'CONFLICT',
      message: 'The customer was changed by someone else; reload it and try again',
    },
  ),
  412: errorResponse('It changed since you read it: `If-Match` names an older `ETag`.', {
    code: 'PRECONDITION_FAILED',
    message:
      'This changed since you read it (If-Match names an older version); read it again and retry',
  }),
  413: errorResponse('The body is larger than 100 KB.', {
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body is too large',
  }),
  415: errorResponse('The body is not JSON.', {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send the body as JSON (Content-Type: application/json)',
  }),
  422: errorResponse('The Idempotency-Key was already used for a different request.', {
    code: 'UNPROCESSABLE_CONTENT',
    message:
      'This Idempotency-Key was already used for a different request; use a new key for each request',
  }),
  429: errorResponse(
    'Rate limited: wait `Retry-After` seconds.',
    { code: 'TOO_MANY_REQUESTS', message: 'Too many requests; try again in about 10 seconds' },
    { 'Retry-After': ref('headers', 'Retry-After') },
  ),
  500: errorResponse('Something failed on our side; nothing was changed.', {
    code: 'INTERNAL_SERVER_ERROR',
    message: 'Internal server error',
  }),
  503: errorResponse(
    'The service cannot answer now (its database is unreachable or too slow). Try again ' +
      'shortly; a POST is safe to retry with the same Idempotency-Key.',
    {
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database is unavailable; try again shortly',
    },
  ),
};
