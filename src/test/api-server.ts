import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { Connection } from '@/server/db/connection';
import { createApiHandler } from '@/server/http/api-handler';
import { stopServices, type AppServices, type ServiceSettings } from '@/server/services';
import { openTestConnection } from './database';
import { createTestServices, setupTestServices } from './services';

export interface TestApiServer {
  url: string;
  close(): Promise<void>;
}

/** The real /api handler on an ephemeral port, as the custom server mounts it. */
export async function startApiServer(
  connection: Connection,
  services: AppServices,
  options: {
    metricsToken?: string;
    corsOrigins?: string[];
    appUrl?: string;
    logger?: Logger;
    requestTimeoutMs?: number;
  } = {},
): Promise<TestApiServer> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The server's own address is its public origin (cookies, CSRF checks, links in e-mails),
  // unless a test gives another.
  const handler = createApiHandler({
    connection,
    services: { ...services, appUrl: options.appUrl ?? url },
    logger: options.logger ?? pino({ level: 'silent' }),
    metricsToken: options.metricsToken,
    corsOrigins: options.corsOrigins,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
  });
  server.on('request', (req, res) => void handler(req, res));
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The test file's services, and the /api handler over them on an ephemeral port, started
 * before the file's tests and closed after them (`server.url` is there from then on).
 */
export function setupApiServer(overrides: Partial<ServiceSettings> = {}) {
  const { connection, services } = setupTestServices(overrides);
  const server = {} as TestApiServer;
  beforeAll(async () => {
    Object.assign(server, await startApiServer(connection(), services()));
  });
  afterAll(() => server.close?.());
  return { connection, services, server };
}

/**
 * An API server whose database connection is closed once it has started: every statement
 * fails, as when the database is lost. Close it after use.
 */
export async function startApiServerWithLostDatabase(overrides: Partial<ServiceSettings> = {}) {
  const lost = await openTestConnection(1);
  const services = await createTestServices(lost, overrides);
  const server = await startApiServer(lost, services);
  await stopServices(services);
  await lost.close();
  return server;
}
