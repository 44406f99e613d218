/**
 * A TypeScript service calling Clientele over tRPC with an API key. The `AppRouter` type is
 * the whole API: inputs, outputs and errors are inferred, with no generated code.
 *
 *   CLIENTELE_URL=http://localhost:3000 CLIENTELE_API_KEY=clt_... npx tsx src/sdk/trpc-example.ts
 */
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '@/server/api/root';

export function createClienteleTrpcClient(baseUrl: string, apiKey: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${baseUrl.replace(/\/$/, '')}/api/trpc`,
        transformer: superjson,
        maxItems: 20,
        headers: { authorization: `Bearer ${apiKey}` },
      }),
    ],
  });
}

/** Adds a lead unless a customer with the e-mail exists; returns it and its open orders. */
export async function ensureLead(
  clientele: ReturnType<typeof createClienteleTrpcClient>,
  lead: { email: string; firstName: string; company?: string },
) {
  const { items } = await clientele.customers.list.query({ q: lead.email, limit: 1 });
  // `existing` is a fully typed customer: `existing.createdAt` is a Date (superjson).
  const existing = items.find((customer) => customer.email === lead.email);
  try {
    const customer =
      existing ?? (await clientele.customers.create.mutate({ ...lead, status: 'lead' }));
    const orders = await clientele.orders.listForCustomer.query({
      customerId: customer.id,
      status: ['draft', 'placed'],
    });
    return { customer, openOrders: orders.items, created: !existing };
  } catch (error) {
    // Errors are typed too: `data.code` is the tRPC code, `data.issues` the field problems.
    if (error instanceof TRPCClientError && error.data?.code === 'CONFLICT') {
      throw new Error(`Another customer already has ${lead.email}`, { cause: error });
    }
    throw error;
  }
}

if (process.argv[1] === import.meta.filename) {
  const { CLIENTELE_URL = 'http://localhost:3000', CLIENTELE_API_KEY } = process.env;
  if (!CLIENTELE_API_KEY) throw new Error('Set CLIENTELE_API_KEY (create one under API keys)');
  const clientele = createClienteleTrpcClient(CLIENTELE_URL, CLIENTELE_API_KEY);
  const me = await clientele.auth.me.query();
  console.info(`Signed in to ${me.organization?.name} as a ${me.role} key`);
  const result = await ensureLead(clientele, {
    email: 'grace@example.com',
    firstName: 'Grace',
    company: 'Navy',
  });
  console.info(
    `${result.created ? 'Added' : 'Found'} ${result.customer.firstName} (${result.customer.id}),`,
    `${result.openOrders.length} open orders`,
  );
}
