import { REQUEST_ID_PATTERN } from '@/schemas/audit';

export type Json = Record<string, unknown>;

/** A reference to a component of the document. */
export const ref = (kind: 'headers' | 'responses' | 'schemas' | 'parameters', name: string) => ({
  $ref: `#/components/${kind}/${name}`,
});

export const REQUEST_ID_SCHEMA = {
  type: 'string',
  maxLength: 128,
  pattern: REQUEST_ID_PATTERN.source,
};

/** A count of requests: the limits are whole numbers, exact in JSON. */
const REQUEST_COUNT = {
  type: 'integer',
  format: 'int64',
  minimum: 0,
  maximum: Number.MAX_SAFE_INTEGER,
};
/** Seconds within a rate-limit window, which is a minute long. */
const WINDOW_SECONDS = { type: 'integer', format: 'int32', minimum: 0, maximum: 60 };

/** The response headers, under their own names; `required` ones are on every response. */
export const HEADERS = {
  'RateLimit-Limit': {
    description: 'Requests allowed in the current window.',
    required: true,
    schema: REQUEST_COUNT,
  },
  'RateLimit-Remaining': {
    description: 'Requests left in the current window.',
    required: true,
    schema: REQUEST_COUNT,
  },
  'RateLimit-Reset': {
    description: 'Seconds until the window resets.',
    required: true,
    schema: WINDOW_SECONDS,
  },
  'Retry-After': {
    description: 'Seconds to wait before trying again.',
    required: true,
    schema: { ...WINDOW_SECONDS, minimum: 1 },
  },
  'X-Request-Id': {
    description: 'Identifies this request in logs and error reports.',
    required: true,
    schema: REQUEST_ID_SCHEMA,
  },
  ETag: {
    description:
      'The version of what was read: send it as `If-None-Match` to re-read, as `If-Match` to change.',
    required: true,
    schema: { type: 'string', maxLength: 29, pattern: '^"[A-Za-z0-9_-]{27}"$' },
  },
  'WWW-Authenticate': {
    description: '`Bearer`, with `error="invalid_token"` when the key was refused.',
    required: true,
    schema: { type: 'string', maxLength: 200 },
  },
  'Idempotent-Replayed': {
    description:
      '`true` when this is the stored response to an earlier request with the same Idempotency-Key.',
    schema: { type: 'string', enum: ['true'] },
  },
  'Access-Control-Allow-Origin': {
    description:
      'Only on answers to a browser request from an origin of the CORS_ORIGINS setting; absent ' +
      'otherwise (by default no origin is allowed: the API is meant for servers).',
    schema: { type: 'string', maxLength: 300 },
  },
};

/** The headers on every response, errors included. */
export const COMMON_HEADERS = Object.fromEntries(
  [
    'RateLimit-Limit',
    'RateLimit-Remaining',
    'RateLimit-Reset',
    'X-Request-Id',
    'Access-Control-Allow-Origin',
  ].map((name) => [name, ref('headers', name)]),
);

/** The request headers that make a request conditional or safe to retry, as parameters. */
export const CONDITION_PARAMETERS = {
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Makes a retry safe: the first response is stored for 24 hours and returned again for the ' +
      'same key and body (with `Idempotent-Replayed: true`). The same key with another body is ' +
      'refused (422), and so is a request while the first one is still running (409). Failed ' +
      'requests are not stored. Use a new UUID per operation.',
    schema: { type: 'string', minLength: 1, maxLength: 255 },
    example: '7b1f8c2e-3f0e-4d8a-9a59-2f6c8a3e1d44',
  },
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: false,
    description:
      'The `ETag` you read (of the order, for its lines): the change is refused (412) if it ' +
      'changed since, so concurrent edits cannot overwrite each other. `*` matches any.',
    schema: { type: 'string', maxLength: 1000 },
    example: '"4Yv3fJw0d6tJ2Uq8m1oSxKcP9rA"',
  },
  IfNoneMatch: {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description: 'The `ETag` you hold: if it is still current, the answer is 304 without a body.',
    schema: { type: 'string', maxLength: 1000 },
    example: '"4Yv3fJw0d6tJ2Uq8m1oSxKcP9rA"',
  },
};
