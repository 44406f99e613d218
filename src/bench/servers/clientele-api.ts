import http from 'node:http';
import { parseEnv } from '@/env';
import { openConnection } from '@/server/db/connection';
import { createApiHandler } from '@/server/http/api-handler';
import { createLogger } from '@/server/observability/logger';
import { createServices, serviceSettingsFromEnv } from '@/server/services';

// The production /api handler (the same one the custom server mounts), without Next.js pages.
const port = Number(process.env.PORT);
const config = parseEnv({ ...process.env, APP_URL: `http://127.0.0.1:${port}` });
const logger = createLogger({ level: config.LOG_LEVEL });
const connection = await openConnection({ databaseUrl: config.DATABASE_URL });
const services = await createServices(connection, serviceSettingsFromEnv(config), logger);
const handler = createApiHandler({ connection, services, logger });
http
  .createServer((req, res) => void handler(req, res))
  .listen(port, '127.0.0.1', () => {
    process.send?.('ready');
  });
