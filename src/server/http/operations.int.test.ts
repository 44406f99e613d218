import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestServices } from '@/test/services';
import {
  startApiServer,
  startApiServerWithLostDatabase,
  type TestApiServer,
} from '@/test/api-server';

const { connection, services } = setupTestServices();
let server: TestApiServer;

beforeAll(async () => {
  server = await startApiServer(connection(), services(), {
    metricsToken: 'metrics-token-0123456789',
  });
});
afterAll(() => server.close());

describe('operational endpoints', () => {
  it('reports liveness', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('reports readiness while the database answers, and 503 when it does not', async () => {
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
    const lostServer = await startApiServerWithLostDatabase();
    try {
      const res = await fetch(`${lostServer.url}/api/ready`);
      expect(res.status).toBe(503);
    } finally {
      await lostServer.close();
    }
  });

  it('serves Prometheus metrics behind METRICS_TOKEN, counting requests by route and procedures by door', async () => {
    await fetch(`${server.url}/api/v1/me`);
    expect((await fetch(`${server.url}/api/metrics`)).status).toBe(401);
    const res = await fetch(`${server.url}/api/metrics`, {
      headers: { authorization: 'Bearer metrics-token-0123456789' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(
      /clientele_http_requests_total\{route="\/api\/v1",method="GET",status="401"\} \d+/,
    );
    expect(text).toMatch(
      /clientele_procedure_calls_total\{procedure="auth\.me",door="rest",code="UNAUTHORIZED"\} \d+/,
    );
    expect(text).toContain('clientele_http_request_duration_seconds_bucket');
  });

  it('publishes the OpenAPI document generated from the procedures', async () => {
    const res = await fetch(`${server.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const document = (await res.json()) as {
      openapi: string;
      servers: { url: string }[];
      paths: Record<string, Record<string, unknown>>;
    };
    expect(document.openapi).toMatch(/^3\./);
    // Absolute, from APP_URL (here the server's own address), for clients that need a host.
    expect(document.servers[0]!.url).toBe(`${server.url}/api/v1`);
    expect(Object.keys(document.paths['/customers']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.paths['/customers/{id}']!).sort()).toEqual([
      'delete',
      'get',
      'patch',
    ]);
    expect(document.paths['/me']).toBeDefined();
  });

  it('serves an interactive reference of that document from the app itself', async () => {
    const page = await fetch(`${server.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    const html = await page.text();
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts).toEqual(['/api/docs/swagger-ui-bundle.js', '/api/docs/reference.js']);
    for (const asset of [...scripts, ...styles]) {
      const res = await fetch(`${server.url}${asset}`);
      expect(res.status, asset).toBe(200);
      expect((await res.arrayBuffer()).byteLength, asset).toBeGreaterThan(100);
    }
    expect(await (await fetch(`${server.url}/api/docs/reference.js`)).text()).toContain(
      "url: '/api/openapi.json'",
    );
    expect((await fetch(`${server.url}/api/docs/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/docs/package.json`)).status).toBe(404);
  });
});
