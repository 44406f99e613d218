import 'server-only';
import { createHydrationHelpers } from '@trpc/react-query/rsc';
import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import { cache } from 'react';
import { createContext } from '@/server/api/context';
import { createCaller, type AppRouter } from '@/server/api/root';
import { getServices } from '@/server/runtime';
import { makeQueryClient } from './query-client';

/** The context of a server component render: the same principal resolution as the API. */
export const getServerContext = cache(async () => {
  const requestHeaders = await headers();
  return createContext({
    services: await getServices(),
    door: 'server',
    request: {
      requestId: requestHeaders.get('x-request-id') ?? randomUUID(),
      ipAddress: null,
      userAgent: requestHeaders.get('user-agent'),
      origin: null,
      secFetchSite: null,
    },
    credentials: { authorization: null, cookie: requestHeaders.get('cookie') },
  });
});

const getQueryClient = cache(makeQueryClient);

export const { trpc: serverApi, HydrateClient } = createHydrationHelpers<AppRouter>(
  createCaller(getServerContext),
  getQueryClient,
);

/**
 * Whether this render is for a signed-in member of an organization. Pages render alongside
 * their layout, so without this a page would prefetch even while the layout redirects away.
 */
export async function rendersForMember(): Promise<boolean> {
  const { principal } = await getServerContext();
  return (
    principal?.kind === 'user' && !principal.twoFactorPending && principal.organization !== null
  );
}
