import { generateOpenApiDocument, type OpenAPIObject } from 'trpc-to-openapi';
import { ERRORS, errorSchema } from './openapi-errors';
import { COMMON_HEADERS, CONDITION_PARAMETERS, HEADERS, ref, type Json } from './openapi-headers';
import { describeOperations } from './openapi-operations';
import { WEBHOOK_PARAMETERS, webhooksSection } from './openapi-webhooks';
import { appRouter } from './root';

export const REST_PREFIX = '/api/v1';

const TAGS = [
  {
    name: 'Organization',
    description: 'Who the key belongs to, and the members of its organization.',
  },
  { name: 'Customers', description: 'The people you sell to.' },
  {
    name: 'Companies',
    description: 'The organizations your customers work for, with their people and deals.',
  },
  {
    name: 'Interactions',
    description: "Notes, calls, e-mails and meetings on a customer's timeline.",
  },
  {
    name: 'Orders',
    description: 'Orders with lines, totals computed by the server, and a status.',
  },
  {
    name: 'Pipelines',
    description: 'Sales pipelines: the ordered stages deals move through, each with a probability.',
  },
  {
    name: 'Deals',
    description: 'Opportunities moving through a pipeline, won or lost, with their stage history.',
  },
  {
    name: 'Tasks',
    description: 'What members are to do, by when, about which customer, company, deal or order.',
  },
  {
    name: 'Notifications',
    description: "The calling person's inbox: what others did to the records they look after.",
  },
  {
    name: 'Imports',
    description: 'CSV imports of customers, companies or deals, run in the background.',
  },
  { name: 'Events', description: 'The change feed: every change as an event, for catching up.' },
  {
    name: 'Webhooks',
    description:
      'Endpoints that receive events as signed HTTP requests; the `webhooks` section describes ' +
      'each request they receive.',
  },
  {
    name: 'Apps',
    description:
      'OAuth 2.1 apps that sign in to the organization, for the people who allow them or for ' +
      'themselves, and the grants people gave them (admins).',
  },
  { name: 'Audit', description: 'The tamper-evident record of every change (admins).' },
  {
    name: 'Sandbox',
    description:
      'A twin organization with its own data and `clt_test_` keys, to develop and test against.',
  },
];

/**
 * What trpc-to-openapi cannot know about this door, added to the document it generates: to each
 * operation (openapi-operations.ts), and as components the operations refer to: the error body
 * and responses, the response headers and the conditional request headers; and the tags.
 */
function describeRestDoor(document: OpenAPIObject): OpenAPIObject {
  describeOperations(document);
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
  components.parameters = { ...WEBHOOK_PARAMETERS, ...CONDITION_PARAMETERS };
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
