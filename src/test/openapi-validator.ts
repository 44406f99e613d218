import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { buildOpenApiDocument, REST_PREFIX } from '@/server/api/openapi';
import { TEST_APP_URL } from './factories';

type Json = Record<string, unknown>;

const document = buildOpenApiDocument(TEST_APP_URL) as unknown as Json & {
  paths: Record<string, Record<string, Json & { responses: Record<string, Json> }>>;
  components: Record<string, Record<string, Json>>;
  webhooks: Record<string, { post: { parameters: { $ref: string }[] } }>;
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(document, 'openapi');

const pointer = (...segments: string[]) =>
  segments.map((s) => s.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/** A header as documented, its component when it refers to one. */
function headerObject(header: Json): Json {
  return typeof header.$ref === 'string'
    ? document.components.headers![header.$ref.split('/').at(-1)!]!
    : header;
}

/** The operation a request reached: the documented path template that matches its path. */
function operationOf(method: string, path: string) {
  for (const template of Object.keys(document.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const operation = document.paths[template]![method.toLowerCase()];
    if (pattern.test(path) && operation) return { template, operation };
  }
  return undefined;
}

/**
 * Checks one REST response against the published document: the operation exists, the status
 * is one it documents, the body matches that response's schema, and the documented headers
 * are present. Returns the problems found (none when it conforms).
 */
export function problemsWithResponse(
  method: string,
  url: string,
  response: { status: number; headers: Headers; body: unknown },
): string[] {
  const path = new URL(url).pathname.slice(REST_PREFIX.length);
  const found = operationOf(method, path);
  if (!found) return [`${method} ${path} is not in the document`];
  const where = `${method} ${found.template} → ${response.status}`;
  let documented = found.operation.responses[String(response.status)];
  if (!documented) return [`${where} is not a documented response`];
  let schemaPath = pointer(
    'paths',
    found.template,
    method.toLowerCase(),
    'responses',
    String(response.status),
  );
  if (typeof documented.$ref === 'string') {
    schemaPath = documented.$ref.slice(2);
    documented = document.components.responses![schemaPath.split('/').at(-1)!]!;
  }
  const problems: string[] = [];
  const validate = ajv.getSchema(`openapi#/${schemaPath}/content/application~1json/schema`);
  if (!validate) return [`${where} has no JSON schema`];
  if (!validate(response.body)) {
    problems.push(
      ...(validate.errors ?? []).map((e) => `${where}: body${e.instancePath} ${e.message}`),
    );
  }
  for (const [name, header] of Object.entries((documented.headers as Json | undefined) ?? {})) {
    if (!headerObject(header as Json).required) continue;
    if (!response.headers.has(name)) problems.push(`${where}: header ${name} is missing`);
  }
  return problems;
}

/**
 * Checks one webhook delivery, as its receiver got it, against the document's `webhooks`
 * section: the event type is there, the body matches its schema, and every header the section
 * names is present and matches its schema. Returns the problems found.
 */
export function problemsWithWebhook(delivery: {
  headers: Record<string, string>;
  body: string;
}): string[] {
  const event = JSON.parse(delivery.body) as { type?: unknown };
  const type = String(event.type);
  const operation = document.webhooks[type]?.post;
  if (!operation) return [`webhook ${type} is not in the document`];
  const problems: string[] = [];
  const body = ajv.getSchema(
    `openapi#/${pointer('webhooks', type, 'post', 'requestBody', 'content', 'application/json', 'schema')}`,
  )!;
  if (!body(event)) {
    problems.push(
      ...(body.errors ?? []).map((e) => `webhook ${type}: body${e.instancePath} ${e.message}`),
    );
  }
  for (const { $ref } of operation.parameters) {
    const name = $ref.split('/').at(-1)!;
    const parameter = document.components.parameters![name]! as { schema: Json };
    const value = delivery.headers[name];
    if (value === undefined) {
      problems.push(`webhook ${type}: header ${name} is missing`);
      continue;
    }
    const schema = ajv.getSchema(
      `openapi#/${pointer('components', 'parameters', name, 'schema')}`,
    )!;
    const typed =
      parameter.schema.type === 'integer' && /^\d+$/.test(value) ? Number(value) : value;
    if (!schema(typed)) problems.push(`webhook ${type}: header ${name} (${value}) does not match`);
  }
  return problems;
}
