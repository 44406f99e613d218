import type { OpenAPIObject } from 'trpc-to-openapi';
import { z } from 'zod';
import { ERRORS } from './openapi-errors';
import { COMMON_HEADERS, ref, type Json } from './openapi-headers';
import { appRouter } from './root';

type Operation = Json & {
  parameters?: Json[];
  requestBody?: Json;
  responses: Record<string, Json>;
};

const PATH_PARAMETERS: Record<string, string> = {
  customerId: 'The id of the customer.',
  endpointId: 'The id of the webhook endpoint.',
  grantId: 'The id of the grant, as `GET /app-grants` lists it.',
};
const RESOURCE_OF_SEGMENT: Record<string, string> = {
  customers: 'customer',
  interactions: 'interaction',
  orders: 'order',
  webhooks: 'webhook endpoint',
  apps: 'OAuth app',
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
 * Adds to each operation trpc-to-openapi generated what it cannot know about this door: the
 * error responses it can give, its rate-limit and request-id headers, the header that makes it
 * conditional or safe to retry, its request example, and descriptions for its parameters.
 */
export function describeOperations(document: OpenAPIObject): void {
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
}
