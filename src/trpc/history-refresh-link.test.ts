import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, TRPCClientError, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { describe, expect, it } from 'vitest';
import type { AppRouter } from '@/server/api/root';
import { historyRefreshLink } from './history-refresh-link';

/** Answers every call as the server would, or refuses it. */
function serverLink(refuse: boolean): TRPCLink<AppRouter> {
  return () => () =>
    observable((observer) => {
      if (refuse) {
        observer.error(new TRPCClientError('Someone changed this customer meanwhile'));
        return;
      }
      observer.next({ result: { type: 'data', data: { id: 'c1' } } });
      observer.complete();
    });
}

function setUp(refuse = false) {
  const queryClient = new QueryClient();
  for (const key of [
    [['timeline', 'list'], { input: { customerId: 'c1' }, type: 'query' }],
    [['audit', 'list'], { type: 'query' }],
    [['customers', 'list'], { type: 'query' }],
  ]) {
    queryClient.setQueryData(key, []);
  }
  const client = createTRPCClient<AppRouter>({
    links: [historyRefreshLink(queryClient), serverLink(refuse)],
  });
  const stale = () =>
    queryClient
      .getQueryCache()
      .getAll()
      .filter((query) => query.state.isInvalidated)
      .map((query) => (query.queryKey[0] as string[])[0])
      .sort();
  return { client, stale };
}

describe('historyRefreshLink', () => {
  it('marks the timeline and audit queries stale after a change, and nothing else', async () => {
    const { client, stale } = setUp();
    await client.customers.update.mutate({ id: 'c1', expectedVersion: 1, firstName: 'Ada' });
    expect(stale()).toEqual(['audit', 'timeline']);
  });

  it('leaves them be after a read', async () => {
    const { client, stale } = setUp();
    await client.customers.get.query({ id: 'c1' });
    expect(stale()).toEqual([]);
  });

  it('leaves them be when the change is refused', async () => {
    const { client, stale } = setUp(true);
    await expect(
      client.customers.update.mutate({ id: 'c1', expectedVersion: 1, firstName: 'Ada' }),
    ).rejects.toThrow('Someone changed this customer meanwhile');
    expect(stale()).toEqual([]);
  });
});
