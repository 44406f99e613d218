import { describe, expect, it } from 'vitest';
import { itemsOf, nestedJson, refusal, setupInputTenants } from './input-tenants';

// Input nested deeper than the server will walk, and superjson's references within it.
const { tenant } = setupInputTenants();

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
