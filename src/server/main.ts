import http from 'node:http';
import nextEnv from '@next/env';
import next from 'next';
import { env, InvalidEnvironmentError } from '@/env';
import { seedDemoOrganization } from './domain/demo-seed';
import { createApiHandler } from './http/api-handler';
import { requestIdOf } from './http/request-info';
import { logger } from './observability/logger';
import { getRuntime } from './runtime';
import { startWorkers, stopServices } from './services';

// The custom server: /api/* is served directly on node:http (see http/api-handler.ts), every
// other path by Next.js. Both live in this one process, over one database client.
// Next.js runs in development mode only for NODE_ENV=development (the default); `test` serves the
// production build with test settings (the browser tests use it for the development mailbox).
const dev = (process.env.NODE_ENV ?? 'development') === 'development';
nextEnv.loadEnvConfig(process.cwd(), dev);

async function main() {
  let config;
  try {
    config = env();
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    process.stderr.write(
      `Clientele cannot start. Fix these settings:\n${error.problems.map((p) => `  ${p}`).join('\n')}\n`,
    );
    process.exit(1);
  }

  const log = logger();
  const runtime = await getRuntime();
  log.info(
    { driver: runtime.connection.driver, migrationsApplied: runtime.migrations.applied },
    'database ready',
  );

  const server = http.createServer();
  const app = next({
    dev,
    dir: process.cwd(),
    hostname: config.HOST,
    port: config.PORT,
    httpServer: server,
  });
  const handleNext = app.getRequestHandler();
  const handleApi = createApiHandler({
    connection: runtime.connection,
    services: runtime.services,
    logger: log,
    metricsToken: config.METRICS_TOKEN,
  });
  await app.prepare();
  await startWorkers(runtime.services);

  server.on('request', (req, res) => {
    const url = req.url ?? '/';
    if (url === '/api' || url.startsWith('/api/')) return void handleApi(req, res);
    // Pages carry a request id too; server components read it from the request headers.
    const requestId = requestIdOf(req);
    req.headers['x-request-id'] = requestId;
    res.setHeader('x-request-id', requestId);
    void handleNext(req, res);
  });

  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  log.info({ url: config.APP_URL, port: config.PORT }, 'Clientele is listening');

  if (dev) {
    const demo = await seedDemoOrganization(runtime.services.db);
    process.stdout.write(
      `\n  Clientele is running at ${config.APP_URL}\n` +
        `  Demo organization "${demo.slug}": sign in as ${demo.email} / ${demo.password}\n\n`,
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => server.closeAllConnections(), 10_000).unref();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearTimeout(force);
    await app.close().catch(() => {});
    await stopServices(runtime.services);
    await runtime.connection.close();
    log.flush();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Clientele failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
