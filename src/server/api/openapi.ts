import { generateOpenApiDocument, type OpenAPIObject } from 'trpc-to-openapi';
import { z } from 'zod';
import { REQUEST_ID_PATTERN } from '@/schemas/audit';
import { ERROR_BODY_LIMITS } from './errors';
import { WEBHOOK_PARAMETERS, webhooksSection } from './openapi-webhooks';
import { appRouter } from './root';

export const REST_PREFIX = '/api/v1';

type Json = Record<string, unknown>;
type Operation = Json & {
  parameters?: Json[];
  requestBody?: Json;
  responses: Record<string, Json>;
};

const TAGS = [
  {
    name: 'Organization',
    description: 'Who the key belongs to, and the members of its organization.',
  },
  { name: 'Customers', description: 'People and companies you sell to.' },
  {
    name: 'Interactions',
    description: "Notes, calls, e-mails and meetings on a customer's timeline.",
  },
  {
    name: 'Orders',
    description: 'Orders with lines, totals computed by the server, and a status.',
  },
  { name: 'Events', description: 'The change feed: every change as an event, for catching up.' },
  {
    name: 'Webhooks',
    description:
      'Endpoints that receive events as signed HTTP requests; the `webhooks` section describes ' +
      'each request they receive.',
  },
  { name: 'Audit', description: 'The tamper-evident record of every change (admins).' },
];

const ERROR_EXAMPLE = {
  code: 'NOT_FOUND',
  message: 'Customer not found',
  requestId: '5f0c6a43-2b8e-4a57-9d55-0c1f7f3f4c1e',
};

const REQUEST_ID_SCHEMA = {
  type: 'string',
  maxLength: 128,
  pattern: REQUEST_ID_PATTERN.source,
};

/** An array index in an error's path: bodies are at most 100 KB, so indexes are smaller. */
const MAX_PATH_INDEX = 100_000;

/** Every REST error has this body. */
const errorSchema = {
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
    requestId: { ...REQUEST_ID_SCHEMA, description: 'The `X-Request-Id` of the request.' },
  },
  example: ERROR_EXAMPLE,
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
const HEADERS = {
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

const ref = (kind: 'headers' | 'responses' | 'schemas' | 'parameters', name: string) => ({
  $ref: `#/components/${kind}/${name}`,
});

const COMMON_HEADERS = Object.fromEntries(
  [
    'RateLimit-Limit',
    'RateLimit-Remaining',
    'RateLimit-Reset',
    'X-Request-Id',
    'Access-Control-Allow-Origin',
  ].map((name) => [name, ref('headers', name)]),
);

const errorResponse = (description: string, example: Json, extraHeaders: Json = {}) => ({
  description,
  headers: { ...COMMON_HEADERS, ...extraHeaders },
  content: {
    'application/json': {
      schema: ref('schemas', 'Error'),
      example: { ...example, requestId: ERROR_EXAMPLE.requestId },
    },
  },
});

/** The error responses, by status, as operations refer to them. */
const ERRORS: Record<string, { name: string; response: Json }> = {
  400: {
    name: 'BadRequest',
    response: errorResponse('The input is invalid; `issues` names each wrong field.', {
      code: 'BAD_REQUEST',
      message: 'Input validation failed',
      issues: [{ path: ['email'], message: 'must be a valid e-mail address' }],
    }),
  },
  401: {
    name: 'Unauthorized',
    response: errorResponse(
      'No API key, or one that is invalid or revoked.',
      { code: 'UNAUTHORIZED', message: 'Invalid or revoked API key' },
      { 'WWW-Authenticate': ref('headers', 'WWW-Authenticate') },
    ),
  },
  403: {
    name: 'Forbidden',
    response: errorResponse("The key's role does not allow this.", {
      code: 'FORBIDDEN',
      message: 'The viewer role does not allow customers:write',
    }),
  },
  404: {
    name: 'NotFound',
    response: errorResponse(
      'There is no such resource in your organization (resources of other organizations are never visible).',
      { code: 'NOT_FOUND', message: 'Customer not found' },
    ),
  },
  409: {
    name: 'Conflict',
    response: errorResponse(
      'The request conflicts with the current state, or a request with the same Idempotency-Key is still running.',
      {
        code: 'CONFLICT',
        message: 'The customer was changed by someone else; reload it and try again',
      },
    ),
  },
  412: {
    name: 'PreconditionFailed',
    response: errorResponse('It changed since you read it: `If-Match` names an older `ETag`.', {
      code: 'PRECONDITION_FAILED',
      message:
        'This changed since you read it (If-Match names an older version); read it again and retry',
    }),
  },
  413: {
    name: 'PayloadTooLarge',
    response: errorResponse('The body is larger than 100 KB.', {
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is too large',
    }),
  },
  415: {
    name: 'UnsupportedMediaType',
    response: errorResponse('The body is not JSON.', {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Send the body as JSON (Content-Type: application/json)',
    }),
  },
  422: {
    name: 'UnprocessableContent',
    response: errorResponse('The Idempotency-Key was already used for a different request.', {
      code: 'UNPROCESSABLE_CONTENT',
      message:
        'This Idempotency-Key was already used for a different request; use a new key for each request',
    }),
  },
  429: {
    name: 'TooManyRequests',
    response: errorResponse(
      'Rate limited: wait `Retry-After` seconds.',
      { code: 'TOO_MANY_REQUESTS', message: 'Too many requests; try again in 12 seconds' },
      { 'Retry-After': ref('headers', 'Retry-After') },
    ),
  },
  500: {
    name: 'InternalServerError',
    response: errorResponse('Something failed on our side; nothing was changed.', {
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Internal server error',
    }),
  },
  503: {
    name: 'ServiceUnavailable',
    response: errorResponse(
      'The service cannot answer now (its database is unreachable or too slow). Try again ' +
        'shortly; a POST is safe to retry with the same Idempotency-Key.',
      {
        code: 'SERVICE_UNAVAILABLE',
        message: 'The database is unavailable; try again shortly',
      },
    ),
  },
};

const PATH_PARAMETERS: Record<string, string> = {
  customerId: 'The id of the customer.',
  endpointId: 'The id of the webhook endpoint.',
};
const RESOURCE_OF_SEGMENT: Record<string, string> = {
  customers: 'customer',
  interactions: 'interaction',
  orders: 'order',
  webhooks: 'webhook endpoint',
  deliveries: 'delivery',
};

/** What trpc-to-openapi writes for the errors it assumes; a procedure's own `errorResponses` win. */
const GENERATED_DESCRIPTIONS = new Set([
  'Invalid input data',
  'Authorization not provided',
  'Insufficient access',
  'Not found',
  'Internal server error',
]);

/** The header that makes each method's request conditional or safe to retry. */
const CONDITION_OF_METHOD: Record<string, string> = {
  get: 'IfNoneMatch',
  post: 'IdempotencyKey',
  patch: 'IfMatch',
  put: 'IfMatch',
  delete: 'IfMatch',
};

/** Methods whose requests may carry a body, which is read (413, 415) even when none is expected. */
const BODY_METHODS = new Set(['post', 'put', 'patch']);

/** The statuses an operation can answer with, besides what it declares itself. */
function errorStatusesOf(method: string, path: string, operation: Operation): string[] {
  // 400 for every operation: a query parameter it does not take is refused too.
  const statuses = new Set(['400', '401', '403', '429', '500', '503']);
  if (['patch', 'put', 'delete'].includes(method)) statuses.add('412');
  if (path.includes('{')) statuses.add('404');
  if (BODY_METHODS.has(method)) ['413', '415'].forEach((status) => statuses.add(status));
  if (method === 'post') ['409', '422'].forEach((status) => statuses.add(status));
  for (const status of Object.keys(operation.responses)) {
    if (Number(status) >= 400) statuses.add(status);
  }
  return [...statuses].sort();
}

function describeParameters(path: string, operation: Operation) {
  for (const parameter of operation.parameters ?? []) {
    const schema = parameter.schema as Json | undefined;
    if (!parameter.description && typeof schema?.description === 'string') {
      parameter.description = schema.description;
      delete schema.description;
    }
    if (!parameter.description && parameter.in === 'path') {
      const name = String(parameter.name);
      const segments = path.split('/');
      const before = segments[segments.indexOf(`{${name}}`) - 1] ?? '';
      parameter.description =
        PATH_PARAMETERS[name] ?? `The id of the ${RESOURCE_OF_SEGMENT[before] ?? 'resource'}.`;
    }
  }
}

/**
 * The `example` of each procedure's input schema, by operation id. trpc-to-openapi builds
 * request bodies afresh (without the path parameters), so the example is carried over here.
 */
function inputExamples(): Map<string, unknown> {
  const examples = new Map<string, unknown>();
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { inputs: unknown[] } }
  >;
  for (const [path, procedure] of Object.entries(procedures)) {
    const input = procedure._def.inputs[0];
    const example = input && z.globalRegistry.get(input as z.ZodType)?.example;
    if (example !== undefined) examples.set(path.replaceAll('.', '-'), example);
  }
  return examples;
}

/**
 * What trpc-to-openapi cannot know about this door, added to the document it generates: the
 * error body and the error responses each operation can give, the rate-limit and request-id
 * headers, Idempotency-Key on POSTs, and descriptions for parameters and tags.
 */
function describeRestDoor(document: OpenAPIObject): OpenAPIObject {
  const requestExamples = inputExamples();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, value] of Object.entries(item as Record<string, Operation>)) {
      const operation = value;
      describeParameters(path, operation);
      const condition = CONDITION_OF_METHOD[method];
      if (condition) {
        operation.parameters = [...(operation.parameters ?? []), ref('parameters', condition)];
      }
      const example = requestExamples.get(String(operation.operationId));
      const body = (operation.requestBody?.content as Record<string, Json> | undefined)?.[
        'application/json'
      ];
      if (body && example) body.example = example;
      const success = operation.responses['200']!;
      success.headers = {
        ...COMMON_HEADERS,
        ...(method === 'post'
          ? { 'Idempotent-Replayed': ref('headers', 'Idempotent-Replayed') }
          : {}),
        ...(method === 'get' || method === 'patch' ? { ETag: ref('headers', 'ETag') } : {}),
      };
      const declared = operation.responses;
      operation.responses = {
        '200': success,
        ...(method === 'get' ? { '304': ref('responses', 'NotModified') } : {}),
      };
      for (const status of errorStatusesOf(method, path, { ...operation, responses: declared })) {
        const known = ERRORS[status]!;
        const own = declared[status]?.description as string | undefined;
        operation.responses[status] =
          own && !GENERATED_DESCRIPTIONS.has(own)
            ? { ...known.response, description: own }
            : ref('responses', known.name);
      }
    }
  }

  const components = (document.components ??= {}) as Json & {
    schemas?: Json;
    responses?: Json;
    headers?: Json;
    parameters?: Json;
  };
  components.schemas = Object.fromEntries(
    Object.entries({ ...components.schemas, Error: errorSchema }).filter(
      ([name]) => !name.startsWith('error.'),
    ),
  );
  components.responses = {
    NotModified: {
      description: 'Unchanged since the `ETag` sent in `If-None-Match`: no body.',
      headers: { ...COMMON_HEADERS, ETag: ref('headers', 'ETag') },
    },
    ...Object.fromEntries(Object.values(ERRORS).map(({ name, response }) => [name, response])),
  };
  components.headers = HEADERS;
  components.parameters = {
    ...WEBHOOK_PARAMETERS,
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
  document.tags = TAGS;
  return document;
}

/** The largest integer of each format; every integer in the document states its format. */
const INT32_MAXIMUM = 2 ** 31 - 1;

/**
 * Gives each integer schema the format its bounds fit: int32, or int64 for the rest (zod bounds
 * every integer to the safe range of JSON numbers, which int64 holds).
 */
function stateIntegerFormats(node: unknown) {
  if (Array.isArray(node)) return node.forEach(stateIntegerFormats);
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  if (schema.type === 'integer' && !schema.format) {
    const minimum = Number(schema.minimum ?? -Infinity);
    const maximum = Number(schema.maximum ?? Infinity);
    schema.format = minimum >= -INT32_MAXIMUM - 1 && maximum <= INT32_MAXIMUM ? 'int32' : 'int64';
  }
  Object.values(schema).forEach(stateIntegerFormats);
}

/**
 * The REST door's OpenAPI 3.1 document, generated from the same procedures as tRPC, for the
 * deployment at `appUrl` (its APP_URL): clients and proxies that need an absolute server find it.
 */
export function buildOpenApiDocument(appUrl: string): OpenAPIObject {
  const document = describeRestDoor(
    generateOpenApiDocument(appRouter, {
      title: 'Clientele API',
      version: '1.0.0',
      description:
        'REST access to one Clientele organization. Authenticate every request with an API key ' +
        '(`Authorization: Bearer clt_...`); a key acts with the role it was created with.\n\n' +
        'Lists are paginated with opaque cursors: pass `nextCursor` back as `cursor` until it is ' +
        'null. Lists take `updatedSince`, and the change feed (`GET /events`) lists every change, ' +
        'deletions included, so a system that missed webhooks can catch up.\n\n' +
        'Every response carries `X-Request-Id` and the `RateLimit-*` headers; a 429 carries ' +
        '`Retry-After`. Send `Idempotency-Key` with POSTs to retry them safely.',
      license: { name: 'MIT', identifier: 'MIT' },
      contact: { name: 'The operators of this Clientele deployment' },
      baseUrl: `${appUrl}${REST_PREFIX}`,
      securitySchemes: {
        Authorization: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key created under API keys in the app or with `cli create-api-key`.',
        },
      },
    }),
  );
  document.servers = [
    {
      url: `${appUrl}${REST_PREFIX}`,
      description:
        'The deployment that serves this document, at its public address (APP_URL): a local ' +
        'development server unless APP_URL is set, as it must be in production.',
      // The REST API is for integrators outside the organization running it.
      'x-internal': false,
    },
  ];
  document.webhooks = webhooksSection();
  stateIntegerFormats(document);
  return document;
}

/**
 * The document as served at /api/openapi.json and committed as src/sdk/openapi.json: the same
 * bytes for the same APP_URL.
 */
export function openApiDocumentText(appUrl: string): string {
  return `${JSON.stringify(buildOpenApiDocument(appUrl), null, 2)}\n`;
}
