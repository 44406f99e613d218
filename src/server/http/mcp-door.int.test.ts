import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  StreamableHTTPClientTransport,
  StreamableHTTPError,
} from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@/schemas/permissions';
import { stopServices } from '@/server/services';
import { createTestApiKey } from '@/test/api-keys';
import { startApiServer } from '@/test/api-server';
import { setupRestTenant, type Body } from '@/test/rest-client';
import { revokeApiKeyForTest } from '@/test/revoke';
import { createTestServices } from '@/test/services';

const { connection, tenant, rest, post, keyOfAnotherOrganization } = setupRestTenant('MCP Org');

const open: Client[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((client) => client.close()));
});

/** An MCP client (the SDK's own) connected to the server with a key, as an agent would be. */
async function connect(
  key: string | null = tenant.key,
  options: { base?: string; name?: string; version?: string } = {},
) {
  const client = new Client({
    name: options.name ?? 'Test Agent',
    version: options.version ?? '1.2.3',
  });
  const transport = new StreamableHTTPClientTransport(
    new URL(`${options.base ?? tenant.server.url}/api/mcp`),
    { requestInit: { headers: key ? { authorization: `Bearer ${key}` } : {} } },
  );
  open.push(client);
  await client.connect(transport);
  return client;
}

/** A tool's structured result, after checking it succeeded. */
async function call(client: Client, name: string, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  const [content] = result.content;
  expect(content?.type).toBe('text');
  expect(JSON.parse((content as { text: string }).text)).toEqual(result.structuredContent);
  return result.structuredContent as Body;
}

/** A tool's error, in the REST error's shape. */
async function callRefused(client: Client, name: string, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  expect(result.isError).toBe(true);
  return JSON.parse((result.content[0] as { text: string }).text) as Body;
}

const READ_TOOLS = [
  'customers_list',
  'customers_get',
  'companies_list',
  'companies_get',
  'deals_list',
  'deals_get',
  'orders_list',
  'orders_get',
  'tasks_list',
  'tasks_get',
  'pipelines_list',
  'interactions_list',
];

describe('MCP server', () => {
  it('lists the tools generated from the procedures, with their schemas and hints', async () => {
    const client = await connect();
    expect(client.getServerVersion()).toMatchObject({ name: 'clientele' });
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect([...byName.keys()].sort()).toEqual(
      [...READ_TOOLS, 'interactions_create', 'tasks_create', 'deals_move'].sort(),
    );
    for (const name of READ_TOOLS) {
      expect(byName.get(name)?.annotations, name).toMatchObject({ readOnlyHint: true });
      expect(byName.get(name)?.outputSchema?.type, name).toBe('object');
    }

    const get = byName.get('customers_get')!;
    expect(get.title).toBe('Get a customer');
    expect(get.description).toBe('Get a customer. One live customer of your organization.');
    expect(get.inputSchema).toMatchObject({
      type: 'object',
      properties: { id: { type: 'string', format: 'uuid' } },
      required: ['id'],
    });
    expect(byName.get('customers_list')!.inputSchema.properties).toMatchObject({
      q: { type: 'string' },
      updatedSince: { type: 'string', format: 'date-time' },
    });

    expect(byName.get('interactions_create')).toMatchObject({
      title: 'Record an interaction',
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
      inputSchema: {
        type: 'object',
        properties: { type: { enum: ['note', 'call', 'email', 'meeting'] } },
        required: ['customerId', 'type', 'subject'],
      },
    });
    expect(byName.get('tasks_create')).toMatchObject({
      annotations: { readOnlyHint: false, destructiveHint: false },
      inputSchema: { required: ['title'] },
    });
    expect(byName.get('deals_move')).toMatchObject({
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
      inputSchema: { required: ['id', 'stageId'] },
    });
  });

  it('searches customers and reads one', async () => {
    const ada = await post('/customers', {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@engines.example',
    });
    await post('/customers', { firstName: 'Charles', lastName: 'Babbage' });
    const client = await connect();

    const page = await call(client, 'customers_list', { q: 'lovelace' });
    expect(page.items.map((customer: Body) => customer.id)).toEqual([ada.id]);
    expect(page.nextCursor).toBeNull();

    const customer = await call(client, 'customers_get', { id: ada.id });
    expect(customer).toMatchObject({ id: ada.id, firstName: 'Ada', email: 'ada@engines.example' });
    expect(customer.createdAt).toBe(ada.createdAt);

    // Counted as the other doors are: procedure calls by door, requests by route.
    const metrics = await (await fetch(`${tenant.server.url}/api/metrics`)).text();
    expect(metrics).toMatch(
      /clientele_procedure_calls_total\{procedure="customers\.get",door="mcp",code="OK"\} [1-9]/,
    );
    expect(metrics).toMatch(/clientele_http_requests_total\{[^}]*route="\/api\/mcp"/);
  });

  it('records an interaction and creates a task as the key', async () => {
    const customer = await post('/customers', { firstName: 'Grace', lastName: 'Hopper' });
    const client = await connect();

    const interaction = await call(client, 'interactions_create', {
      customerId: customer.id,
      type: 'call',
      subject: 'Compiler demo',
      content: 'Wants a pilot.',
    });
    expect(interaction).toMatchObject({ customerId: customer.id, type: 'call', authorId: null });
    const timeline = (await (await rest(`/customers/${customer.id}/interactions`)).json()) as Body;
    expect(timeline.items.map((item: Body) => item.id)).toEqual([interaction.id]);

    const task = await call(client, 'tasks_create', {
      title: 'Send the pilot quote',
      dueAt: '2030-01-15T09:00:00.000Z',
      related: { type: 'customer', id: customer.id },
    });
    expect(task).toMatchObject({
      title: 'Send the pilot quote',
      dueAt: '2030-01-15T09:00:00.000Z',
      related: { type: 'customer', id: customer.id },
    });
    expect((await rest(`/tasks/${task.id}`)).status).toBe(200);
  });

  it('moves a deal to a stage found through the pipelines tool', async () => {
    const deal = await post('/deals', {
      title: 'Engine renewal',
      currency: 'EUR',
      amountCents: 5000,
    });
    const client = await connect();

    const pipelines = await call(client, 'pipelines_list', {});
    const pipeline = pipelines.items.find((item: Body) => item.id === deal.pipelineId) as Body;
    const won = pipeline.stages.find((stage: Body) => stage.kind === 'won') as Body;

    const moved = await call(client, 'deals_move', { id: deal.id, stageId: won.id });
    expect(moved).toMatchObject({ id: deal.id, stageId: won.id, status: 'won' });
    expect(await (await rest(`/deals/${deal.id}`)).json()).toMatchObject({ status: 'won' });
  });

  it('refuses a mutating tool to a viewer key, and changes nothing', async () => {
    const customer = await post('/customers', { firstName: 'Viewed' });
    const viewer = (await createTestApiKey(connection().db, tenant.org.id, 'viewer')).key;
    const client = await connect(viewer);

    expect((await call(client, 'customers_get', { id: customer.id })).id).toBe(customer.id);
    const refused = await callRefused(client, 'interactions_create', {
      customerId: customer.id,
      type: 'note',
      subject: 'Should not exist',
    });
    expect(refused).toMatchObject({
      code: 'FORBIDDEN',
      message: 'The viewer role does not allow interactions:write',
    });
    const timeline = (await (await rest(`/customers/${customer.id}/interactions`)).json()) as Body;
    expect(timeline.items).toEqual([]);
  });

  it("answers another organization's customer as not found", async () => {
    const otherKey = await keyOfAnotherOrganization();
    const theirs = await post('/customers', { firstName: 'Hidden' }, { key: otherKey });
    const client = await connect();

    const refused = await callRefused(client, 'customers_get', { id: theirs.id });
    expect(refused).toMatchObject({ code: 'NOT_FOUND', message: 'Customer not found' });
    expect(refused.requestId).toEqual(expect.any(String));
  });

  it('answers invalid arguments with the field issues, as the other doors do', async () => {
    const client = await connect();
    const refused = await callRefused(client, 'tasks_create', { title: '', priority: 'urgent' });
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.issues.map((issue: Body) => issue.path)).toEqual(
      expect.arrayContaining([['title'], ['priority']]),
    );
  });

  it('names the MCP client in the audit row of a tool call', async () => {
    const customer = await post('/customers', { firstName: 'Audited' });
    const client = await connect(tenant.key, { name: 'Claude Desktop', version: '0.9.1' });
    const interaction = await call(client, 'interactions_create', {
      customerId: customer.id,
      type: 'note',
      subject: 'Through MCP',
    });

    const audit = (await (
      await rest(`/audit-logs?entityType=interaction&entityId=${interaction.id}`)
    ).json()) as Body;
    expect(audit.items).toHaveLength(1);
    // Named at initialize, a request before the call: the session id carried it.
    expect(audit.items[0]).toMatchObject({
      action: 'interaction.created',
      actorType: 'api_key',
      clientName: 'MCP: Claude Desktop 0.9.1',
    });
    // The REST call that read it names no client.
    const created = (await (
      await rest(`/audit-logs?entityType=customer&entityId=${customer.id}`)
    ).json()) as Body;
    expect(created.items[0]).toMatchObject({ action: 'customer.created', clientName: null });
  });

  it('answers a request without a credential 401, pointing to its OAuth metadata', async () => {
    const refused = await connect(null).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(StreamableHTTPError);
    expect((refused as StreamableHTTPError).code).toBe(401);

    const metadataUrl = `${tenant.server.url}/.well-known/oauth-protected-resource/api/mcp`;
    const res = await fetch(`${tenant.server.url}/api/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(`Bearer resource_metadata="${metadataUrl}"`);
    expect(res.headers.get('x-request-id')).toEqual(expect.any(String));

    for (const url of [metadataUrl, `${tenant.server.url}/.well-known/oauth-protected-resource`]) {
      const metadata = await fetch(url);
      expect(metadata.status).toBe(200);
      expect(await metadata.json()).toEqual({
        resource: `${tenant.server.url}/api/mcp`,
        authorization_servers: [tenant.server.url],
        scopes_supported: PERMISSIONS,
        bearer_methods_supported: ['header'],
        resource_name: 'Clientele',
      });
    }
  });

  it('answers a bad key 401 with invalid_token', async () => {
    const res = await fetch(`${tenant.server.url}/api/mcp`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer clt_not-a-real-key',
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(
      /^Bearer resource_metadata="[^"]+", error="invalid_token"/,
    );
    expect(await res.json()).toMatchObject({
      jsonrpc: '2.0',
      error: { data: { code: 'UNAUTHORIZED' } },
      id: null,
    });
  });

  it('answers a session id it did not issue 404, so the client initializes again', async () => {
    const res = await fetch(`${tenant.server.url}/api/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tenant.key}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-session-id': 'forged-session',
        'mcp-protocol-version': '2025-11-25',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: -32001 }, id: null });
  });

  it('answers GET and DELETE 405: no stream is kept open and no session is kept', async () => {
    for (const method of ['GET', 'DELETE']) {
      const res = await fetch(`${tenant.server.url}/api/mcp`, {
        method,
        headers: { authorization: `Bearer ${tenant.key}`, accept: 'text/event-stream' },
      });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
    }
  });

  it("refuses a request from another site's page with 403", async () => {
    const res = await fetch(`${tenant.server.url}/api/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tenant.key}`,
        origin: 'https://evil.example',
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { data: { code: 'FORBIDDEN' } } });
  });

  it('refuses a key on the call after it was revoked', async () => {
    const { id, key } = await createTestApiKey(connection().db, tenant.org.id, 'member');
    const client = await connect(key);
    await call(client, 'customers_list', {});

    await revokeApiKeyForTest(connection().db, id);
    const refused = await client.callTool({ name: 'customers_list', arguments: {} }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(StreamableHTTPError);
    expect((refused as StreamableHTTPError).code).toBe(401);
  });

  it('refuses a body over 100 KB with 413', async () => {
    const client = await connect();
    const refused = await client
      .callTool({ name: 'tasks_create', arguments: { title: 'Big', notes: 'x'.repeat(120_000) } })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect((refused as StreamableHTTPError).code).toBe(413);
  });

  it('answers a call over the rate limit with a tool error that says when to retry', async () => {
    const strict = await createTestServices(connection(), {
      limits: { restPerKey: 3, restPerOrganization: 100, trpcPerUser: 100 },
    });
    const server = await startApiServer(connection(), strict);
    try {
      const { key } = await createTestApiKey(connection().db, tenant.org.id, 'member');
      // initialize and its notification count as two requests, a call as one.
      const client = await connect(key, { base: server.url });
      await call(client, 'customers_list', {});
      const refused = await callRefused(client, 'customers_list', {});
      expect(refused).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.message).toMatch(/^Too many requests; try again in /);

      const listing = await client.listTools().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect((listing as StreamableHTTPError).code).toBe(429);
      const res = await fetch(`${server.url}/api/mcp`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(res.headers.get('ratelimit-remaining')).toBe('0');
      expect(await res.json()).toMatchObject({
        error: { message: expect.stringMatching(/^Too many requests/) as string },
      });
    } finally {
      await server.close();
      await stopServices(strict);
    }
  });
});
