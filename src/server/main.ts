import nextEnv from '@next/env';
import next from 'next';
import { assertServerEnv, env, InvalidEnvironmentError } from '@/env';
import { withDeadline } from './db/deadline';
import { seedDemoOrganization } from './domain/demo-seed';
import { applyBuiltNextConfig } from './next-built-config';
import { logger } from './observability/logger';
import { tracePages } from './observability/tracing';
import { getRuntime } from './runtime';
import { startServer, stopOnSignals } from './server';

// The custom server: /api/* is served directly on node:http (see http/api-handler.ts), every
// other path by Next.js. Both live in this one process, over one database client; server.ts
// runs them and shuts them down.
// Next.js runs in development mode only for NODE_ENV=development (the default); `test` serves the
// production build with test settings (the browser tests use it for the development mailbox).
const dev = (process.env.NODE_ENV ?? 'development') === 'development';
nextEnv.loadEnvConfig(process.cwd(), dev);
if (!dev) applyBuiltNextConfig(process.cwd());

async function main() {
  let config;
  try {
    config = env();
    assertServerEnv(config);
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

  const running = await startServer({
    config,
    runtime,
    async pages(httpServer) {
      const app = next({
        dev,
        dir: process.cwd(),
        hostname: config.HOST,
        port: config.PORT,
        httpServer,
      });
      const handleNext = tracePages(app.getRequestHandler());
      await app.prepare();
      return {
        handle(req, res) {
          // Pages wait on the database through the same procedures as /api, within the same
          // deadline; not in development, where compiling a page on first visit would count.
          if (dev) return void handleNext(req, res);
          withDeadline(config.REQUEST_TIMEOUT_MS, () => void handleNext(req, res));
        },
        close: () => app.close(),
      };
    },
  });
  stopOnSignals(running);

  if (dev) {
    const demo = await seedDemoOrganization(runtime.services.db);
    process.stdout.write(
      `\n  Clientele is running at ${config.APP_URL}\n` +
        `  Demo organization "${demo.slug}": sign in as ${demo.email} / ${demo.password}\n\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Clientele failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
