import { describe, expect, it } from 'vitest';
import { itemsOf, nestedJson, refusal, setupInputTenants } from './input-tenants';

// Text that is not what it claims to be: unpaired surrogates, invalid UTF-8, broken JSON.
const { tenant } = setupInputTenants();

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
