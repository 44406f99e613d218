import { randomBytes } from 'node:crypto';
import { context, propagation } from '@opentelemetry/api';
import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppRouter } from '@/server/api/root';
import type { Connection } from '@/server/db/connection';
import { isTracedClient } from '@/server/db/statement-spans';
import { stopServices, type AppServices } from '@/server/services';
import { createTestApiKey } from '@/test/api-keys';
import { startApiServer, type TestApiServer } from '@/test/api-server';
import { openTestConnection } from '@/test/database';
import { createTestOrganization, uniqueEmail } from '@/test/factories';
import {
  SPAN_KIND,
  startOtlpReceiver,
  type OtlpReceiver,
  type ReceivedSpan,
} from '@/test/otlp-receiver';
import { createTestServices } from '@/test/services';
import { version } from '../../../package.json';
import { flushTracing, startTracing, stopTracing } from './tracing';

const onPostgres = process.env.TEST_DRIVER === 'postgres';

/** A database, services and the real /api handler, built after tracing was (or was not) started. */
async function startApp() {
  const connection: Connection = await openTestConnection();
  const services: AppServices = await createTestServices(connection);
  const server: TestApiServer = await startApiServer(connection, services);
  const organization = await createTestOrganization(services.db);
  const { key } = await createTestApiKey(services.db, organization.id, 'manager');
  const email = uniqueEmail('traced');
  const trpc = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${server.url}/api/trpc`,
        transformer: superjson,
        headers: { authorization: `Bearer ${key}` },
      }),
    ],
  });
  const rest = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/v1${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        ...(init.headers as Record<string, string> | undefined),
      },
    });
  return {
    connection,
    email,
    rest,
    trpc,
    async stop() {
      await server.close();
      await stopServices(services);
      await connection.close();
    },
  };
}

type App = Awaited<ReturnType<typeof startApp>>;

/** What an integrator and a typed client do: create a customer, then look for it by e-mail. */
async function createAndFind(app: App, headers: Record<string, string> = {}) {
  const created = await app.rest('/customers', {
    method: 'POST',
    body: JSON.stringify({ email: app.email, firstName: 'Traced', lastName: 'Person' }),
  });
  expect(created.status).toBe(200);
  const listed = await app.rest(`/customers?q=${encodeURIComponent(app.email)}`, { headers });
  expect(listed.status).toBe(200);
  const found = await app.trpc.customers.list.query({ q: app.email });
  expect(found.items.map((customer) => customer.email)).toEqual([app.email]);
  return listed;
}

describe('with tracing off', () => {
  let receiver: OtlpReceiver;
  let app: App;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    expect(startTracing({ OTEL_SERVICE_NAME: 'clientele' })).toBe(false);
    app = await startApp();
  });
  afterAll(async () => {
    await app.stop();
    await receiver.close();
  });

  it('creates no spans and traces no statement', async () => {
    const activeContext = vi.spyOn(context, 'active');
    const extract = vi.spyOn(propagation, 'extract');
    try {
      const listed = await createAndFind(app, {
        traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`,
      });
      expect(listed.headers.get('x-request-id')).toBeTruthy();
      // Not one OpenTelemetry call on the request path: no span, no context, no propagation.
      expect(activeContext).not.toHaveBeenCalled();
      expect(extract).not.toHaveBeenCalled();
    } finally {
      activeContext.mockRestore();
      extract.mockRestore();
    }
    expect(isTracedClient(app.connection.client)).toBe(false);
    await flushTracing();
    expect(receiver.bodies).toEqual([]);
  });
});

describe('with tracing on', () => {
  let receiver: OtlpReceiver;
  let app: App;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    expect(
      startTracing({
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_SERVICE_NAME: 'clientele-test',
      }),
    ).toBe(true);
    app = await startApp();
  });
  afterAll(async () => {
    await app.stop();
    await stopTracing();
    await receiver.close();
  });

  const byId = () => new Map(receiver.spans.map((span) => [span.spanId, span]));
  const parentOf = (span: ReceivedSpan) =>
    span.parentSpanId ? byId().get(span.parentSpanId) : undefined;
  const descendsFrom = (span: ReceivedSpan, ancestor: ReceivedSpan) => {
    for (let current = parentOf(span); current; current = parentOf(current)) {
      if (current.spanId === ancestor.spanId) return true;
    }
    return false;
  };

  it('traces a request from HTTP through the procedure to each SQL statement, without values', async () => {
    expect(isTracedClient(app.connection.client)).toBe(true);
    const listed = await createAndFind(app);
    await flushTracing();

    const requestId = listed.headers.get('x-request-id');
    const http = receiver.spans.find(
      (span) => span.attributes['clientele.request_id'] === requestId,
    );
    expect(http).toMatchObject({
      name: 'GET /api/v1/customers',
      kind: SPAN_KIND.server,
      attributes: {
        'http.request.method': 'GET',
        'http.route': '/api/v1/customers',
        'url.path': '/api/v1/customers',
        'http.response.status_code': 200,
      },
      resource: { 'service.name': 'clientele-test', 'service.version': version },
    });
    expect(http!.parentSpanId ?? '').toBe('');

    const procedure = receiver.spans.find(
      (span) => span.parentSpanId === http!.spanId && span.name === 'customers.list',
    );
    expect(procedure).toMatchObject({
      kind: SPAN_KIND.internal,
      traceId: http!.traceId,
      attributes: { 'clientele.procedure.door': 'rest', 'clientele.procedure.code': 'OK' },
    });

    const statements = receiver.spans.filter(
      (span) => span.kind === SPAN_KIND.client && descendsFrom(span, procedure!),
    );
    const transaction = statements.find((span) => span.name === 'transaction');
    expect(parentOf(transaction!)?.spanId).toBe(procedure!.spanId);
    const queries = statements.filter((span) => span.attributes['db.query.text']);
    const customerQuery = queries.find((span) =>
      String(span.attributes['db.query.text']).includes('"customers"'),
    );
    expect(customerQuery).toMatchObject({
      name: 'SELECT',
      attributes: { 'db.system.name': 'postgresql', 'db.operation.name': 'SELECT' },
    });
    expect(String(customerQuery!.attributes['db.query.text'])).toMatch(/\$\d/);
    expect(queries.every((span) => span.parentSpanId === transaction!.spanId)).toBe(true);
    if (onPostgres) {
      expect(customerQuery!.attributes).toMatchObject({
        'db.namespace': expect.any(String),
        'server.address': expect.any(String),
        'server.port': expect.any(Number),
      });
    }

    // The same calls from tRPC: the span's route names the procedure.
    const trpcHttp = receiver.spans.find((span) => span.name === 'GET /api/trpc/customers.list');
    expect(trpcHttp?.attributes['http.route']).toBe('/api/trpc/customers.list');
    expect(
      receiver.spans.find(
        (span) => span.parentSpanId === trpcHttp!.spanId && span.name === 'customers.list',
      )?.attributes,
    ).toMatchObject({ 'clientele.procedure.door': 'trpc', 'clientele.procedure.code': 'OK' });

    const create = receiver.spans.find((span) => span.name === 'POST /api/v1/customers');
    expect(
      receiver.spans.some(
        (span) =>
          span.name === 'INSERT' &&
          String(span.attributes['db.query.text']).includes('"customers"') &&
          descendsFrom(span, create!),
      ),
    ).toBe(true);

    // The e-mail was a parameter of the INSERT and of the searches, and is in no span at all.
    expect(receiver.bodies.join('\n')).not.toContain(app.email);
    expect(receiver.bodies.join('\n')).not.toContain(encodeURIComponent(app.email));
  });

  it('continues the trace of an incoming traceparent', async () => {
    const traceId = randomBytes(16).toString('hex');
    const parentSpanId = randomBytes(8).toString('hex');
    const res = await app.rest('/me', {
      headers: { traceparent: `00-${traceId}-${parentSpanId}-01` },
    });
    expect(res.status).toBe(200);
    await flushTracing();
    const http = receiver.spans.find(
      (span) => span.attributes['clientele.request_id'] === res.headers.get('x-request-id'),
    );
    expect(http).toMatchObject({ name: 'GET /api/v1/me', traceId, parentSpanId });
    expect(receiver.spans.some((span) => span.parentSpanId === http!.spanId)).toBe(true);
  });

  it('names REST routes by their template and marks server errors', async () => {
    const missing = await app.rest(`/customers/${crypto.randomUUID()}`);
    expect(missing.status).toBe(404);
    await flushTracing();
    const http = receiver.spans.find(
      (span) => span.attributes['clientele.request_id'] === missing.headers.get('x-request-id'),
    );
    expect(http).toMatchObject({
      name: 'GET /api/v1/customers/{id}',
      attributes: { 'http.route': '/api/v1/customers/{id}', 'http.response.status_code': 404 },
    });
    // A 404 is an answer, not a fault of the server.
    expect(http!.status.code ?? 0).not.toBe(2);
    const procedure = receiver.spans.find(
      (span) => span.parentSpanId === http!.spanId && span.kind === SPAN_KIND.internal,
    );
    expect(procedure?.attributes['clientele.procedure.code']).toBe('NOT_FOUND');
  });
});
