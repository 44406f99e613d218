/**
 * Where an OpenAPI document's responses and webhook events carry `format: date-time` strings,
 * as a shape the SDK walks to turn them into `Date`s: `true` is a date, `'[]'` each item of an
 * array, `'{}'` each value of a map, any other key that property.
 */
export type DateShape = true | { [key: string]: DateShape };

type Schema = {
  $ref?: string;
  format?: string;
  type?: string | string[];
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};

type Operation = {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: Schema }> }>;
};

type Document = {
  paths: Record<string, Record<string, Operation>>;
  webhooks?: Record<string, Record<string, Operation>>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function merge(a: DateShape | undefined, b: DateShape | undefined): DateShape | undefined {
  if (a === undefined) return b;
  if (b === undefined || a === true) return a;
  if (b === true) return a;
  const merged: Record<string, DateShape> = { ...a };
  for (const [key, shape] of Object.entries(b)) merged[key] = merge(merged[key], shape)!;
  return merged;
}

function resolve(document: Document, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], document);
}

function shapeOf(document: Document, schema: Schema, refs: string[]): DateShape | undefined {
  if (schema.$ref) {
    // A schema that contains itself would walk forever; its dates below the first level
    // are rare enough to leave as strings.
    if (refs.includes(schema.$ref)) return undefined;
    return shapeOf(document, resolve(document, schema.$ref) as Schema, [...refs, schema.$ref]);
  }
  if (schema.format === 'date-time') return true;
  let shape: DateShape | undefined;
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    shape = merge(shape, shapeOf(document, branch, refs));
  const parts: Record<string, DateShape> = {};
  if (schema.items) {
    const items = shapeOf(document, schema.items, refs);
    if (items) parts['[]'] = items;
  }
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const field = shapeOf(document, property, refs);
    if (field) parts[name] = field;
  }
  if (typeof schema.additionalProperties === 'object') {
    const values = shapeOf(document, schema.additionalProperties, refs);
    if (values) parts['{}'] = values;
  }
  return Object.keys(parts).length > 0 ? merge(shape, parts) : shape;
}

function jsonSchemaOf(content: Record<string, { schema?: Schema }> | undefined) {
  return content?.['application/json']?.schema;
}

/**
 * `responses` by `"GET /customers"` (the success answers of each operation), `webhooks` by
 * event type (the body a delivery carries).
 */
export function dateFieldsOf(document: Document) {
  const responses: Record<string, DateShape> = {};
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = operations[method];
      if (!operation) continue;
      let shape: DateShape | undefined;
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!status.startsWith('2')) continue;
        const resolved = (
          response.$ref ? resolve(document, response.$ref) : response
        ) as typeof response;
        const schema = jsonSchemaOf(resolved.content);
        if (schema) shape = merge(shape, shapeOf(document, schema, []));
      }
      if (shape) responses[`${method.toUpperCase()} ${path}`] = shape;
    }
  }
  const webhooks: Record<string, DateShape> = {};
  for (const [type, operations] of Object.entries(document.webhooks ?? {})) {
    const schema = jsonSchemaOf(operations.post?.requestBody?.content);
    const shape = schema && shapeOf(document, schema, []);
    if (shape) webhooks[type] = shape;
  }
  return { responses, webhooks };
}
