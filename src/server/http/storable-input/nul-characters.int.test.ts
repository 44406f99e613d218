import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import type { AppRouter } from '@/server/api/root';
import { createTestApiKey } from '@/test/api-keys';
import { createTestOrganization, uniqueEmail } from '@/test/factories';
import { trpcClient } from '@/test/trpc-client';
import { itemsOf, refusal, setupInputTenants, type Path } from './input-tenants';

// The NUL character, which PostgreSQL cannot store in text, anywhere in input.
const { connection, server, tenant } = setupInputTenants();

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

    const anonymous = trpcClient(server, { origin: server.url });
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
