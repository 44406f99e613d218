import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from './app-router.js';

export type { AppRouter };

export interface ClienteleTrpcClientOptions {
  /** Where Clientele runs, e.g. https://crm.example.com. */
  baseUrl: string;
  /** An API key (`clt_...`) or an OAuth access token. */
  apiKey: string;
  /** Calls made in the same tick travel in one request, up to this many (default 20). */
  maxItems?: number;
  fetch?: typeof globalThis.fetch;
}

/**
 * A tRPC client over the whole API: inputs, outputs and errors are inferred from `AppRouter`,
 * dates arrive as `Date`s (superjson), with no generated code.
 *
 *   const clientele = createClienteleTrpcClient({ baseUrl, apiKey });
 *   const { items } = await clientele.customers.list.query({ q: 'smith' });
 */
export function createClienteleTrpcClient(
  options: ClienteleTrpcClientOptions,
): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${options.baseUrl.replace(/\/$/, '')}/api/trpc`,
        transformer: superjson,
        maxItems: options.maxItems ?? 20,
        headers: { authorization: `Bearer ${options.apiKey}` },
        fetch: options.fetch,
      }),
    ],
  });
}
