import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Env } from '@/env';
import { createApiHandler } from './http/api-handler';
import { PROTECTED_RESOURCE_PATH } from './http/protected-resource';
import { INTERACTION_PATH, OAUTH_PATHS, OAuthServer } from './oauth/provider';
import { isEventStream, requestIdOf } from './http/request-info';
import { isSsoPath } from './sso/routes';
import { logger } from './observability/logger';
import type { Runtime } from './runtime';
import { startWorkers, stopServices } from './services';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** What serves everything outside /api (Next.js), made ready before the server listens. */
export interface Pages {
  handle: Handler;
  close(): Promise<void>;
}

export interface ServerOptions {
  config: Env;
  runtime: Runtime;
  /** Without pages, paths outside /api are 404 (an API-only instance). */
  pages?: (server: http.Server) => Promise<Pages>;
}

export interface RunningServer {
  server: http.Server;
  /** Drains and closes everything; resolves when done (the process exit is the caller's). */
  stop(reason: string): Promise<void>;
}

/**
 * The HTTP server and the process's workers, with their shutdown: on stop it refuses new
 * connections and reports not-ready, lets requests in flight and running jobs finish for up to
 * SHUTDOWN_TIMEOUT_MS, cuts what is left (event streams resume on another instance), then
 * closes the job queue, the event listener, Redis and the database pools.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config, runtime } = options;
  const log = logger();
  let draining = false;
  const inFlight = new Set<ServerResponse>();

  const server = http.createServer();
  const handleApi = createApiHandler({
    connection: runtime.connection,
    services: runtime.services,
    logger: log,
    metricsToken: config.METRICS_TOKEN,
    corsOrigins: config.CORS_ORIGINS,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    isDraining: () => draining,
  });
  const pages = await options.pages?.(server);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // A draining server asks clients not to reuse the connection for the next request.
    if (draining) res.setHeader('connection', 'close');
    if (!isEventStream(req)) {
      inFlight.add(res);
      res.once('close', () => inFlight.delete(res));
    }
    const url = req.url ?? '/';
    if (
      url === '/api' ||
      url.startsWith('/api/') ||
      url.startsWith(PROTECTED_RESOURCE_PATH) ||
      isOAuthPath(url) ||
      isSsoPath(url.split('?', 1)[0]!) ||
      !pages
    ) {
      return void handleApi(req, res);
    }
    handlePage(req, res, pages);
  });

  /**
   * Pages carry a request id too (server components read it from the request headers), and each
   * is logged like an API request: its path, never its query string, which can hold a token
   * (/reset-password?token=…) or a form's fields. Next's own files (/_next/…) are not logged.
   */
  const handlePage = (req: IncomingMessage, res: ServerResponse, pages: Pages) => {
    const started = performance.now();
    const requestId = requestIdOf(req);
    req.headers['x-request-id'] = requestId;
    res.setHeader('x-request-id', requestId);
    const path = (req.url ?? '/').split('?', 1)[0]!;
    if (!path.startsWith('/_next/')) {
      res.once('close', () => {
        log.info(
          {
            requestId,
            method: req.method,
            path,
            status: res.statusCode,
            ms: Math.round((performance.now() - started) * 10) / 10,
            ...(res.writableFinished ? {} : { aborted: true }),
          },
          'request',
        );
      });
    }
    pages.handle(req, res);
  };

  await startWorkers(runtime.services);
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  log.info({ url: config.APP_URL, port: config.PORT }, 'Clientele is listening');

  let stopped: Promise<void> | undefined;
  const stop = (reason: string) => {
    stopped ??= (async () => {
      const started = performance.now();
      const deadline = started + config.SHUTDOWN_TIMEOUT_MS;
      draining = true;
      log.info(
        { reason, inFlight: inFlight.size, boundMs: config.SHUTDOWN_TIMEOUT_MS },
        'shutting down: no new connections; finishing requests and jobs',
      );
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const [requestsDone, jobsDone] = await Promise.all([
        until(() => inFlight.size === 0, deadline),
        runtime.services.jobs.stop(Math.max(0, deadline - performance.now())),
      ]);
      // Event streams, and requests still running past the bound, are cut here.
      const abandoned = inFlight.size;
      server.closeAllConnections();
      await closed;
      // What is left of the bound for the rest; the pools close whatever happened before.
      try {
        const rest = Promise.all([pages?.close(), stopServices(runtime.services)]);
        if (!(await within(rest, deadline))) log.warn('closing the services ran past the bound');
      } catch (error) {
        log.warn({ err: error }, 'closing the services failed');
      } finally {
        await runtime.connection.close(deadline - performance.now());
      }
      log.info(
        {
          ms: Math.round(performance.now() - started),
          requestsFinished: requestsDone,
          jobsFinished: jobsDone,
          abandonedRequests: abandoned,
        },
        'shut down',
      );
      log.flush();
    })();
    return stopped;
  };

  process.send?.('listening');
  return { server, stop };
}

/**
 * Stops the server on SIGTERM (orchestrators) and SIGINT (Ctrl-C), then exits 0. A second signal
 * while stopping exits at once.
 */
export function stopOnSignals(running: RunningServer): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) process.exit(1);
    signalled = true;
    running.stop(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger().error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/** Waits for work until the deadline; resolves whether it finished (its failure rejects). */
async function within(work: Promise<unknown>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - performance.now()));
  });
  try {
    return await Promise.race([work.then(() => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls condition until it holds or the deadline passes; resolves whether it held. */
async function until(condition: () => boolean, deadline: number): Promise<boolean> {
  while (!condition()) {
    if (performance.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

/** The authorization server's paths; its consent page (/oauth/consent) is a page. */
function isOAuthPath(url: string) {
  const pathname = url.split('?', 1)[0]!;
  return (
    OAuthServer.handles(pathname) ||
    pathname === OAUTH_PATHS.introspection ||
    pathname.startsWith(`${INTERACTION_PATH}/`)
  );
}
