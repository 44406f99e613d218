import { createTRPCClient, httpBatchLink, type HTTPHeaders } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '@/server/api/root';
import type { TestApiServer } from './api-server';

/**
 * A tRPC client as a program other than the app's browser uses one: batched, without a cookie
 * jar, sending these headers (an API key, an origin) with every request.
 */
export function trpcClient(
  server: Pick<TestApiServer, 'url'>,
  headers: HTTPHeaders | (() => HTTPHeaders) = {},
) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${server.url}/api/trpc`, transformer: superjson, headers })],
  });
}
