import { createTRPCClient, httpSubscriptionLink } from '@trpc/client';
import superjson from 'superjson';
import { Agent, EventSource, type Dispatcher } from 'undici';
import type { AppRouter } from '@/server/api/root';
import type { Change } from '@/server/api/routers/events/changes';

export interface ChangeStream {
  /** The changes received so far, in order. */
  received: Change[];
  /** How the stream ended: the error code the client saw (null: ended without an error). */
  ended: { code: string | null; message: string; at: number } | undefined;
  /** How often the client connected (a client spinning on a dead stream counts up). */
  connections: number;
  close(): void;
}

/**
 * `events.changes` over server-sent events from a real EventSource (undici's), through the
 * same tRPC link the app's browser client uses. `headers` go with every connection: the
 * session cookie of a browser, or an API key. Resolves once the server has started the stream.
 */
export async function openChangeStream(
  server: { url: string },
  headers: Record<string, string>,
): Promise<ChangeStream> {
  const withHeaders: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (options, handler) =>
    dispatch(
      { ...options, headers: { ...(options.headers as Record<string, string>), ...headers } },
      handler,
    );
  const dispatcher = new Agent().compose(withHeaders);
  const client = createTRPCClient<AppRouter>({
    links: [
      httpSubscriptionLink({
        url: `${server.url}/api/trpc`,
        transformer: superjson,
        EventSource,
        eventSourceOptions: { dispatcher },
      }),
    ],
  });
  const stream: ChangeStream = {
    received: [],
    ended: undefined,
    connections: 0,
    close: () => {
      subscription.unsubscribe();
      void dispatcher.destroy();
    },
  };
  let started: () => void = () => {};
  const startedOnce = new Promise<void>((resolve) => (started = resolve));
  const subscription = client.events.changes.subscribe(undefined, {
    onStarted: () => {
      stream.connections += 1;
      started();
    },
    onData: ({ data }) => stream.received.push(data),
    onError: (error) => {
      stream.ended = { code: error.data?.code ?? null, message: error.message, at: Date.now() };
      started();
    },
    onComplete: () => {
      stream.ended ??= { code: null, message: 'completed', at: Date.now() };
      started();
    },
  });
  await startedOnce;
  return stream;
}
