import { env, type Env } from '@/env';
import { drizzleFor, openConnection, type Connection } from './db/connection';
import { migrateAsOwner, requireMigrationsApplied, type MigrationResult } from './db/migrate';
import { logger } from './observability/logger';
import { startTracing } from './observability/tracing';
import { processSingleton } from './runtime-global';
import { createServices, serviceSettingsFromEnv, type AppServices } from './services';

export interface Runtime {
  env: Env;
  connection: Connection;
  migrations: MigrationResult;
  services: AppServices;
}

/**
 * The process's database, opened and migrated once. The custom server starts it; Next.js's
 * server bundle (a separate module graph in the same process) finds the same one.
 */
export function getRuntime(): Promise<Runtime> {
  return processSingleton('runtime', async () => {
    const config = env();
    startTracing(config);
    const connection = await openConnection({
      databaseUrl: config.DATABASE_URL,
      replicaUrls: config.DATABASE_REPLICA_URLS,
      pgliteDir: config.PGLITE_DIR,
      maxConnections: config.DATABASE_POOL_SIZE,
      poolQueueLimit: config.DATABASE_POOL_QUEUE_LIMIT,
      statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    });
    const migrations = config.MIGRATE_AT_START
      ? await migrateAsOwner(connection, config.MIGRATION_DATABASE_URL)
      : await requireMigrationsApplied(connection);
    const services = await createServices(connection, serviceSettingsFromEnv(config), logger());
    return { env: config, connection, migrations, services };
  });
}

let local: { client: unknown; services: AppServices } | undefined;

/**
 * The process's services, for server-rendered pages. Pages are a separate module graph (Next's
 * bundle), so they get a Drizzle handle of their own over the one shared database client.
 */
export async function getServices(): Promise<AppServices> {
  const { connection, services } = await getRuntime();
  if (local?.client !== connection.client) {
    local = {
      client: connection.client,
      services: { ...services, db: drizzleFor(connection.client, connection.replicaClients) },
    };
  }
  return local.services;
}
