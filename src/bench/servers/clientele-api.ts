import http from 'node:http';
import { parseEnv } from '@/env';
import { openConnection, poolerOptions } from '@/server/db/connection';
import { createApiHandler } from '@/server/http/api-handler';
import { createLogger } from '@/server/observability/logger';
import {
  createServices,
  serviceSettingsFromEnv,
  startWorkers,
  stopServices,
} from '@/server/services';

// The production /api handler (the same one the custom server mounts), without Next.js pages;
// on PostgreSQL with DATABASE_URL, else on the embedded PGlite database in PGLITE_DIR. With
// START_WORKERS=true it also works the job queues, as the server does.
const port = Number(process.env.PORT);
const config = parseEnv({ ...process.env, APP_URL: `http://127.0.0.1:${port}` });
const logger = createLogger({ level: config.LOG_LEVEL });
const connection = await openConnection({
  databaseUrl: config.DATABASE_URL,
  pgliteDir: config.PGLITE_DIR,
  ...poolerOptions(config),
});
const services = await createServices(connection, serviceSettingsFromEnv(config), logger);
if (process.env.START_WORKERS === 'true') await startWorkers(services);
const handler = createApiHandler({
  connection,
  services,
  logger,
  requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
});
const server = http
  .createServer((req, res) => void handler(req, res))
  .listen(port, '127.0.0.1', () => {
    process.send?.('ready');
  });

// A clean stop, so that PGlite's data directory is closed and needs no recovery at next start.
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close();
  void stopServices(services)
    .then(() => connection.close())
    .finally(() => process.exit(0));
});
