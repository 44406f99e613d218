import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '@/server/api/root';
import { createTestApiKey } from '@/test/api-keys';
import { startApiServer, type TestApiServer } from '@/test/api-server';
import { createTestOrganization, uniqueEmail } from '@/test/factories';
import { setupTestServices } from '@/test/services';

const { connection, services } = setupTestServices();
let server: TestApiServer;

beforeAll(async () => {
  server = await startApiServer(connection(), services());
});
afterAll(() => server.close());

type Path = (string | number)[];
interface Issue {
  path: Path;
  message: string;
}

/** A fresh organization and an admin key, so "nothing was stored" means an empty list. */
async function tenant() {
  const org = await createTestOrganization(connection().db, 'Input Org');
  const key = (await createTestApiKey(connection().db, org.id, 'admin')).key;
  const authorization = `Bearer ${key}`;
  return {
    /** REST with a raw body, so tests can send what JSON.stringify never writes. */
    rest: (
      path: string,
      init: { method?: string; body?: string | Uint8Array<ArrayBuffer>; headers?: object } = {},
    ) =>
      fetch(`${server.url}/api/v1${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: { authorization, 'content-type': 'application/json', ...init.headers },
        body: init.body,
      }),
    /** One tRPC mutation, its body as given. */
    trpc: (path: string, body: string | Uint8Array<ArrayBuffer>) =>
      fetch(`${server.url}/api/trpc/${path}`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body,
      }),
    client: createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${server.url}/api/trpc`,
          transformer: superjson,
          headers: { authorization },
        }),
      ],
    }),
  };
}

/** The issues of a 400 from either door (REST's body, or tRPC's error envelope). */
async function refusal(res: Response): Promise<{ message: string; issues: Issue[] }> {
  expect(res.status).toBe(400);
  const body = (await res.json()) as
    | { message: string; issues?: Issue[] }
    | { error: { json: { message: string; data: { issues: Issue[] | null } } } };
  if ('error' in body) {
    return { message: body.error.json.message, issues: body.error.json.data.issues ?? [] };
  }
  return { message: body.message, issues: body.issues ?? [] };
}

async function itemsOf(res: Response): Promise<unknown[]> {
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: unknown[] }).items;
}

function nestedJson(depth: number, innermost = '1'): string {
  return '{"a":'.repeat(depth) + innermost + '}'.repeat(depth);
}

const NUL_MESSAGE = 'must not contain the NUL character (U+0000)';

describe('text that PostgreSQL cannot store is refused with 400, naming the field', () => {
  it('refuses a NUL anywhere in a customer over REST, and stores nothing', async () => {
    const { rest } = await tenant();
    const cases: [object, Path][] = [
      [{ firstName: 'Ada\u0000' }, ['firstName']],
      [{ firstName: 'Ada', lastName: 'Love\u0000lace' }, ['lastName']],
      [{ firstName: 'Ada', company: '\u0000Analytical' }, ['company']],
      [{ firstName: 'Ada', tags: ['ok', 'v\u0000ip'] }, ['tags', 1]],
      [{ firstName: 'Ada', address: { city: 'Lon\u0000don' } }, ['address', 'city']],
      [{ firstName: 'Ada', metadata: { plan: 'go\u0000ld' } }, ['metadata', 'plan']],
      [
        { firstName: 'Ada', metadata: { deep: { list: ['\u0000'] } } },
        ['metadata', 'deep', 'list', 0],
      ],
    ];
    for (const [body, path] of cases) {
      const { issues } = await refusal(await rest('/customers', { body: JSON.stringify(body) }));
      expect(issues, JSON.stringify(body)).toEqual([{ path, message: NUL_MESSAGE }]);
    }
    const key = await refusal(
      await rest('/customers', {
        body: JSON.stringify({ firstName: 'Ada', metadata: { 'pl\u0000an': 'gold' } }),
      }),
    );
    expect(key.issues).toEqual([
      { path: ['metadata', 'pl\u0000an'], message: `its name ${NUL_MESSAGE}` },
    ]);
    expect(await itemsOf(await rest('/customers'))).toEqual([]);
  });

  it('refuses a NUL in an update, interactions, order lines, webhooks, search and audit filters', async () => {
    const { rest } = await tenant();
    const customer = (await (
      await rest('/customers', { body: JSON.stringify({ firstName: 'Grace' }) })
    ).json()) as { id: string; version: number };

    const refusals: [Promise<Response>, Path][] = [
      [
        rest(`/customers/${customer.id}`, {
          method: 'PATCH',
          body: JSON.stringify({ lastName: 'Hop\u0000per' }),
        }),
        ['lastName'],
      ],
      [
        rest(`/customers/${customer.id}/interactions`, {
          body: JSON.stringify({ type: 'note', subject: 'Call', content: 'said \u0000' }),
        }),
        ['content'],
      ],
      [
        rest(`/customers/${customer.id}/orders`, {
          body: JSON.stringify({
            currency: 'EUR',
            lines: [{ description: 'Bolt\u0000', quantity: 1, unitPriceCents: 100 }],
          }),
        }),
        ['lines', 0, 'description'],
      ],
      [
        rest('/webhooks', {
          body: JSON.stringify({
            url: 'https://hooks.example.com/x',
            description: 'ops \u0000',
            eventTypes: ['customer.created'],
          }),
        }),
        ['description'],
      ],
      [rest('/customers?q=gr%00ace'), ['q']],
      [rest('/audit-logs?action=customer%00'), ['action']],
    ];
    for (const [response, path] of refusals) {
      const { issues } = await refusal(await response);
      expect(issues).toEqual([{ path, message: NUL_MESSAGE }]);
    }

    const stored = (await (await rest(`/customers/${customer.id}`)).json()) as {
      lastName: string;
      version: number;
    };
    expect(stored).toMatchObject({ lastName: '', version: customer.version });
    expect(await itemsOf(await rest(`/customers/${customer.id}/interactions`))).toEqual([]);
    expect(await itemsOf(await rest(`/customers/${customer.id}/orders`))).toEqual([]);
    expect(await itemsOf(await rest('/webhooks'))).toEqual([]);
  });

  it('refuses a NUL in the search of a CSV export', async () => {
    const org = await createTestOrganization(connection().db, 'Export Org');
    const key = (await createTestApiKey(connection().db, org.id, 'admin')).key;
    const res = await fetch(`${server.url}/api/exports/customers.csv?q=a%00b`, {
      headers: { authorization: `Bearer ${key}` },
    });
    const { issues } = await refusal(res);
    expect(issues).toEqual([{ path: ['q'], message: NUL_MESSAGE }]);
  });

  it('refuses a NUL over tRPC, including sign-up without a session', async () => {
    const { client } = await tenant();
    const create = await client.customers.create
      .mutate({ firstName: 'Ada', tags: ['\u0000'] })
      .catch((error: unknown) => error);
    expect(create).toBeInstanceOf(TRPCClientError);
    expect((create as TRPCClientError<AppRouter>).data).toMatchObject({
      httpStatus: 400,
      issues: [{ path: ['tags', 0], message: NUL_MESSAGE }],
    });
    const search = await client.customers.list
      .query({ q: 'a\u0000' })
      .catch((error: unknown) => error);
    expect((search as TRPCClientError<AppRouter>).data).toMatchObject({
      httpStatus: 400,
      issues: [{ path: ['q'], message: NUL_MESSAGE }],
    });
    // superjson carries NaN, which a JSON column would store as null.
    const nan = await client.customers.create
      .mutate({ firstName: 'Ada', metadata: { ratio: Number.NaN } })
      .catch((error: unknown) => error);
    expect((nan as TRPCClientError<AppRouter>).data).toMatchObject({
      httpStatus: 400,
      issues: [{ path: ['metadata', 'ratio'] }],
    });
    expect((await client.customers.list.query({})).items).toEqual([]);

    const anonymous = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${server.url}/api/trpc`,
          transformer: superjson,
          headers: { origin: server.url },
        }),
      ],
    });
    const email = uniqueEmail('nul');
    const signUp = { email, password: 'a long password', organizationName: 'Nul Ltd' };
    const refused = await anonymous.auth.signUp
      .mutate({ ...signUp, name: 'Nu\u0000l' })
      .catch((error: unknown) => error);
    expect((refused as TRPCClientError<AppRouter>).data).toMatchObject({
      httpStatus: 400,
      issues: [{ path: ['name'], message: NUL_MESSAGE }],
    });
    // Nothing was stored: the address is still free.
    await expect(anonymous.auth.signUp.mutate({ ...signUp, name: 'Nul' })).resolves.toBeDefined();
  });
});

describe('text that would not arrive as sent is refused, never changed', () => {
  it('refuses unpaired surrogates on both doors, and keeps a real pair exactly', async () => {
    const { rest, trpc } = await tenant();
    const viaRest = await refusal(
      await rest('/customers', { body: '{"firstName":"Ada \\ud800"}' }),
    );
    expect(viaRest.issues).toEqual([
      { path: ['firstName'], message: 'must be valid Unicode (it has an unpaired surrogate)' },
    ]);
    const viaTrpc = await refusal(
      await trpc('customers.create', '{"json":{"firstName":"Ada","metadata":{"\\udc00":1}}}'),
    );
    expect(viaTrpc.issues).toEqual([
      {
        path: ['metadata', '\udc00'],
        message: 'its name must be valid Unicode (it has an unpaired surrogate)',
      },
    ]);
    expect(await itemsOf(await rest('/customers'))).toEqual([]);

    const kept = await rest('/customers', { body: '{"firstName":"Ada \\ud83d\\ude00"}' });
    expect(kept.status).toBe(200);
    expect(((await kept.json()) as { firstName: string }).firstName).toBe('Ada \u{1F600}');
  });

  it('refuses a body that is not valid UTF-8 on both doors', async () => {
    const { rest, trpc } = await tenant();
    const invalid = (prefix: string, suffix: string) =>
      Uint8Array.from([...Buffer.from(prefix), 0xff, 0xfe, ...Buffer.from(suffix)]);
    const viaRest = await refusal(
      await rest('/customers', { body: invalid('{"firstName":"Ada', '"}') }),
    );
    expect(viaRest.message).toBe('The request body is not valid UTF-8');
    const viaTrpc = await refusal(
      await trpc('customers.create', invalid('{"json":{"firstName":"Ada', '"}}')),
    );
    expect(viaTrpc.message).toBe('The request body is not valid UTF-8');
    expect(await itemsOf(await rest('/customers'))).toEqual([]);
  });
});

describe('deeply nested input is a 400, never a stack overflow', () => {
  const deep = nestedJson(10_000);

  it('refuses metadata nested 10,000 levels over REST, with or without an Idempotency-Key', async () => {
    const { rest } = await tenant();
    for (const headers of [{}, { 'idempotency-key': 'deep-1' }]) {
      const { issues } = await refusal(
        await rest('/customers', { body: `{"firstName":"Ada","metadata":${deep}}`, headers }),
      );
      expect(issues).toHaveLength(1);
      expect(issues[0]!.path.slice(0, 2)).toEqual(['metadata', 'a']);
      expect(issues[0]!.message).toBe('must not nest more than 32 levels deep');
    }
    expect(await itemsOf(await rest('/customers'))).toEqual([]);
  });

  it('refuses it over tRPC too, naming the field', async () => {
    const { rest, trpc } = await tenant();
    const { issues } = await refusal(
      await trpc('customers.create', `{"json":{"firstName":"Ada","metadata":${deep}}}`),
    );
    expect(issues[0]!.path.slice(0, 2)).toEqual(['metadata', 'a']);
    expect(await itemsOf(await rest('/customers'))).toEqual([]);
  });

  it('keeps an input a tree over tRPC: superjson annotations cannot make it refer to itself', async () => {
    const { rest, trpc, client } = await tenant();
    const cyclic = await trpc(
      'customers.create',
      JSON.stringify({
        json: { firstName: 'Cy', metadata: {} },
        meta: { referentialEqualities: { metadata: ['metadata.self'] }, v: 1 },
      }),
    );
    expect(cyclic.status).toBe(200);
    const stored = (await itemsOf(await rest('/customers'))) as { metadata: object }[];
    expect(stored.map((customer) => customer.metadata)).toEqual([{}]);

    // A client that sends one object twice still has both copies stored.
    const shared = { tier: 'gold' };
    const created = await client.customers.create.mutate({
      firstName: 'Sam',
      metadata: { now: shared, before: shared },
    });
    expect(created.metadata).toEqual({ now: { tier: 'gold' }, before: { tier: 'gold' } });
  });

  it('keeps metadata nested within the limit', async () => {
    const { rest } = await tenant();
    const res = await rest('/customers', {
      body: `{"firstName":"Ada","metadata":${nestedJson(20)}}`,
    });
    expect(res.status).toBe(200);
    const metadata = ((await res.json()) as { metadata: object }).metadata;
    expect(JSON.stringify(metadata)).toBe(nestedJson(20));
  });
});

describe('tRPC never shows a JavaScript error message', () => {
  it('answers a body that is not JSON with a plain message', async () => {
    const { trpc } = await tenant();
    const { message } = await refusal(await trpc('customers.create', '{"json":{"firstName":'));
    expect(message).toBe('The input is not valid JSON');
  });

  it('answers superjson annotations nested too deep for superjson with a plain message', async () => {
    const { rest, trpc } = await tenant();
    const annotations = nestedJson(10_000, '["undefined"]');
    const { message } = await refusal(
      await trpc(
        'customers.create',
        `{"json":{"firstName":"Ada"},"meta":{"values":${annotations}}}`,
      ),
    );
    expect(message).toBe('The input could not be read');
    expect(await itemsOf(await rest('/customers'))).toEqual([]);
  });
});
