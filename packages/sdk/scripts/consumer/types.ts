// Type-checked with nothing installed but the package tarball, @trpc/client, @trpc/server and
// TypeScript: every entry's declarations must stand on their own.
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createClienteleClient, type ClienteleApiError, type ListItem } from '@clientele/sdk';
import { createOAuthClient, generatePkce } from '@clientele/sdk/oauth';
import { createClienteleTrpcClient, type AppRouter } from '@clientele/sdk/trpc';
import { verifyWebhook, type WebhookEvent } from '@clientele/sdk/webhooks';

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export const customerCreatedAt = (customer: Outputs['customers']['get']): Date =>
  customer.createdAt;
export const listInput: Inputs['customers']['list'] = { q: 'smith', limit: 5 };
export const listed = (customer: ListItem<'/customers'>): Date => customer.updatedAt;
export const errorCode = (error: ClienteleApiError): string => error.code;
export const eventTime = (event: WebhookEvent): Date => event.timestamp;

export async function calls() {
  const trpc = createClienteleTrpcClient({ baseUrl: 'https://crm.example.com', apiKey: 'k' });
  const page = await trpc.customers.list.query({ limit: 5 });
  const first: Date | undefined = page.items[0]?.createdAt;
  // @ts-expect-error: the router is typed, not `any`: there is no such procedure
  await trpc.customers.noSuchProcedure.query();
  // @ts-expect-error: inputs are checked (a customer needs a first name)
  await trpc.customers.create.mutate({ lastName: 'Hopper' });

  const rest = createClienteleClient({ baseUrl: 'https://crm.example.com', apiKey: 'k' });
  const { data } = await rest.GET('/customers/{id}', { params: { path: { id: 'x' } } });
  const updated: Date | undefined = data?.updatedAt;
  // @ts-expect-error: paths are checked
  await rest.GET('/no-such-path');

  const pkce = await generatePkce();
  const url = createOAuthClient({
    issuer: 'https://crm.example.com',
    clientId: 'c',
  }).authorizationUrl({
    redirectUri: 'https://a.example/cb',
    scope: 'customers:read',
    state: 's',
    codeChallenge: pkce.codeChallenge,
  });
  const event = await verifyWebhook('{}', {}, 'whsec_AAAA');
  return { first, updated, url, event };
}
