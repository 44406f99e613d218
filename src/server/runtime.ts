import type postgres from 'postgres';
import { env, type Env } from '@/env';
import { auditTrailExposure } from './db/audit-trail-exposure';
import { drizzleFor, openConnection, poolerOptions, type Connection } from './db/connection';
import { migrateAsOwner, requireMigrationsApplied, type MigrationResult } from './db/migrate';
import { logger } from './observability/logger';
import { metrics } from './observability/metrics';
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
      ...poolerOptions(config),
    });
    const migrations = config.MIGRATE_AT_START
      ? await migrateAsOwner(connection, config.MIGRATION_DATABASE_URL)
      : await requireMigrationsApplied(connection);
    await reportAuditTrailExposure(connection, config);
    await reportPooledStatementTimeout(connection, config);
    const services = await createServices(connection, serviceSettingsFromEnv(config), logger());
    return { env: config, connection, migrations, services };
  });
}

/**
 * The login the app runs as should not be able to alter the audit trail (docs/operations.md,
 * Production): a gauge says whether it can, and production on PostgreSQL warns at start when it
 * can. (The embedded database's only user is a superuser: a gauge of 1 and no warning there.)
 */
async function reportAuditTrailExposure(connection: Connection, config: Env) {
  const reasons = await auditTrailExposure(connection);
  metrics().auditTrailAlterable.set(reasons.length > 0 ? 1 : 0);
  if (reasons.length > 0 && config.NODE_ENV === 'production' && connection.driver === 'postgres') {
    logger().warn(
      { reasons },
      `The database login of DATABASE_URL can alter the audit trail: ${reasons.join('; ')}. ` +
        'Run the app as a login that owns nothing, with MIGRATION_DATABASE_URL for the one ' +
        'that owns the tables (docs/operations.md, Production).',
    );
  }
}

/**
 * A transaction pooler refuses startup parameters, so behind one the statement timeout is the
 * login's own setting (docs/operations.md): a warning at start when the login has none.
 */
async function reportPooledStatementTimeout(connection: Connection, config: Env) {
  if (config.DATABASE_POOLER !== 'transaction' || config.DATABASE_STATEMENT_TIMEOUT_MS === 0)
    return;
  const [setting] = await (connection.client as postgres.Sql)<{ timeout: string }[]>`
    select current_setting('statement_timeout') as timeout`;
  if (setting?.timeout === '0') {
    logger().warn(
      'Behind a transaction pooler, DATABASE_STATEMENT_TIMEOUT_MS cannot be sent when connecting, ' +
        'and the login of DATABASE_URL has no statement timeout: set one on it, e.g. ' +
        `ALTER ROLE <login> SET statement_timeout = '${config.DATABASE_STATEMENT_TIMEOUT_MS}ms'.`,
    );
  }
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
