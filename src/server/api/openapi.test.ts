import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Document, Spectral } from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '@/schemas/events';
import { WEBHOOK_TEST_EVENT } from '@/schemas/webhooks';
import { buildOpenApiDocument, openApiDocumentText } from './openapi';
import { LINTED_DOCUMENT, owaspRuleset } from './spectral-ruleset';

/** A production deployment's document: APP_URL is its public https origin. */
const APP_URL = 'https://crm.acme.test';
const document = buildOpenApiDocument(APP_URL);
const text = openApiDocumentText(APP_URL);

type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; $ref?: string }[];
  responses: Record<string, { $ref?: string; content?: unknown; headers?: object }>;
};
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({
    path,
    method,
    operation,
  })),
);

describe('the OpenAPI document', () => {
  it("is valid OpenAPI 3.1 and clean under Spectral's spectral:oas ruleset", async () => {
    const spectral = new Spectral();
    spectral.setRuleset({ extends: [oas] } as never);
    const results = await spectral.run(new Document(text, Parsers.Json, 'openapi.json'));
    expect(document.openapi).toBe('3.1.0');
    expect(results.map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`)).toEqual([]);
  });

  it('passes the OWASP API Security ruleset, with only the exceptions its ruleset file explains', async () => {
    const spectral = new Spectral();
    spectral.setRuleset(owaspRuleset());
    const results = await spectral.run(new Document(text, Parsers.Json, LINTED_DOCUMENT));
    const errors = results.filter((r) => r.severity === 0); // DiagnosticSeverity.Error
    expect(errors.map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`)).toEqual([]);
  });

  it("is clean under Redocly's recommended rules", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: text, absoluteRef: 'openapi.json', config });
    expect(problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
  });

  it('describes every operation: summary, description, tag, output and the errors it can give', () => {
    expect(operations.length).toBeGreaterThanOrEqual(30);
    for (const { path, method, operation } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(operation.summary, where).toBeTruthy();
      expect(operation.description, where).toBeTruthy();
      expect(operation.tags?.length, where).toBe(1);
      expect(operation.responses['200']?.content, where).toBeTruthy();
      expect(Object.keys(operation.responses['200']?.headers ?? {}), where).toContain(
        'RateLimit-Remaining',
      );
      for (const status of ['400', '401', '403', '429', '500', '503']) {
        expect(operation.responses[status], `${where} ${status}`).toBeTruthy();
      }
      if (path.includes('{')) expect(operation.responses['404'], where).toBeTruthy();
      // A body is read whenever one is sent, so even a POST that takes no input can be 413 or 415.
      if (['post', 'put', 'patch'].includes(method)) {
        expect(operation.responses['413'], where).toEqual({
          $ref: '#/components/responses/PayloadTooLarge',
        });
        expect(operation.responses['415'], where).toEqual({
          $ref: '#/components/responses/UnsupportedMediaType',
        });
      }
      if (method === 'post') {
        expect(operation.responses['409'], where).toBeTruthy();
        expect(operation.responses['422'], where).toBeTruthy();
        expect(
          operation.parameters?.map((p) => p.$ref),
          where,
        ).toContain('#/components/parameters/IdempotencyKey');
      }
    }
  });

  it('describes the HTTP the door speaks: tags and conditions, challenges, unknown parameters', () => {
    const parameters = (operation: Operation) => operation.parameters?.map((p) => p.$ref) ?? [];
    for (const { path, method, operation } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(operation.responses['400'], where).toBeTruthy();
      if (method === 'get') {
        expect(parameters(operation), where).toContain('#/components/parameters/IfNoneMatch');
        expect(operation.responses['200']!.headers, where).toHaveProperty('ETag');
        expect(operation.responses['304'], where).toBeTruthy();
      }
      if (['patch', 'put', 'delete'].includes(method)) {
        expect(parameters(operation), where).toContain('#/components/parameters/IfMatch');
        expect(operation.responses['412'], where).toBeTruthy();
      }
    }
    const components = document.components as Record<string, Record<string, unknown>>;
    expect(components.responses!.Unauthorized).toMatchObject({
      headers: { 'WWW-Authenticate': { $ref: '#/components/headers/WWW-Authenticate' } },
    });
    const errorCodes = (components.schemas!.Error as { properties: { code: { enum: string[] } } })
      .properties.code.enum;
    expect(errorCodes).toEqual(expect.arrayContaining(['PRECONDITION_FAILED']));
  });

  it('declares one error body, the rate-limit headers and the API-key scheme', () => {
    const components = document.components as Record<string, Record<string, unknown>>;
    expect(Object.keys(components.schemas!).filter((name) => name.startsWith('error.'))).toEqual(
      [],
    );
    expect(components.schemas!.Error).toMatchObject({
      required: ['code', 'message', 'requestId'],
    });
    expect(Object.keys(components.headers!)).toEqual(
      expect.arrayContaining([
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
        'Retry-After',
        'X-Request-Id',
      ]),
    );
    expect(components.securitySchemes!.Authorization).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(components.responses!.TooManyRequests).toMatchObject({
      headers: { 'Retry-After': { $ref: '#/components/headers/Retry-After' } },
    });
  });

  it("names the deployment's absolute address, from APP_URL, as its server", () => {
    expect(document.servers).toEqual([
      expect.objectContaining({ url: 'https://crm.acme.test/api/v1', 'x-internal': false }),
    ]);
    expect(buildOpenApiDocument('http://localhost:3000').servers![0]!.url).toBe(
      'http://localhost:3000/api/v1',
    );
  });

  it('declares every e-mail address, in and out, as format: email', () => {
    type Schema = { properties: Record<string, Record<string, unknown>> };
    const body = (path: string, method: string) =>
      (document.paths![path] as Record<string, Operation & { requestBody: never }>)[method]!
        .requestBody as unknown as { content: { 'application/json': { schema: Schema } } };
    const schemas = document.components!.schemas as Record<string, Schema>;
    const emails = [
      body('/customers', 'post').content['application/json'].schema.properties.email,
      body('/customers/{id}', 'patch').content['application/json'].schema.properties.email,
      schemas.Customer!.properties.email,
      schemas.Member!.properties.email,
    ];
    for (const email of emails) {
      expect(JSON.stringify(email)).toContain('"format":"email"');
    }
  });

  it('describes the request of every event type and the test event in its webhooks section, signed', () => {
    const webhooks = document.webhooks as Record<string, { post: Record<string, unknown> }>;
    const types = [...EVENT_TYPES, WEBHOOK_TEST_EVENT];
    expect(Object.keys(webhooks).sort()).toEqual(types.sort());
    for (const type of types) {
      const post = webhooks[type]!.post as {
        parameters: { $ref: string }[];
        requestBody: { content: { 'application/json': { schema: { $ref: string } } } };
        responses: Record<string, unknown>;
      };
      expect(post.parameters.map((p) => p.$ref)).toEqual([
        '#/components/parameters/webhook-id',
        '#/components/parameters/webhook-timestamp',
        '#/components/parameters/webhook-signature',
      ]);
      const schema = post.requestBody.content['application/json'].schema.$ref.split('/').at(-1)!;
      const event = (document.components!.schemas as Record<string, Record<string, never>>)[
        schema
      ]!;
      expect(event.properties).toMatchObject({ type: { const: type } });
      expect(Object.keys(post.responses)).toContain('2XX');
    }
  });

  it('covers what an integrator needs, at the paths of the design', () => {
    const paths = operations.map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'GET /me',
        'GET /members',
        'GET /customers',
        'POST /customers',
        'GET /customers/{id}',
        'PATCH /customers/{id}',
        'DELETE /customers/{id}',
        'POST /customers/{id}/restore',
        'GET /customers/{customerId}/interactions',
        'POST /customers/{customerId}/interactions',
        'GET /customers/{customerId}/orders',
        'POST /customers/{customerId}/orders',
        'GET /orders/{id}',
        'POST /orders/{id}/status',
        'GET /audit-logs',
        'GET /events',
        'GET /webhooks',
        'POST /webhooks',
        'PATCH /webhooks/{id}',
        'DELETE /webhooks/{id}',
        'POST /webhooks/{id}/rotate-secret',
        'GET /webhooks/{endpointId}/deliveries',
        'POST /webhooks/{endpointId}/deliveries/{id}/redeliver',
        'GET /apps',
        'POST /apps',
        'GET /apps/{id}',
        'PATCH /apps/{id}',
        'DELETE /apps/{id}',
        'POST /apps/{id}/rotate-secret',
        'GET /app-grants',
        'DELETE /app-grants/{grantId}',
      ]),
    );
  });
});
