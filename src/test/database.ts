import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { openConnection, type Connection } from '@/server/db/connection';
import { migrate, migrateAsOwner } from '@/server/db/migrate';
import type { Database } from '@/server/db/types';
import { dropTestDatabase } from './drop-database';

const onPostgres = () => process.env.TEST_DRIVER === 'postgres';

/**
 * The database of this test file: an in-memory PGlite (TEST_DRIVER=pglite) or the run's fresh
 * PostgreSQL database (TEST_DRIVER=postgres), as the login the app runs as. Tests isolate
 * themselves by creating their own organizations, the same way tenants are isolated in
 * production.
 */
export function setupTestDatabase(): () => Connection {
  let connection: Connection | undefined;
  beforeAll(async () => {
    connection = await openTestConnection();
  });
  afterAll(async () => {
    await connection?.close();
  });
  return () => {
    if (!connection) throw new Error('The test database is not open yet');
    return connection;
  };
}

/** maxConnections: 1 forces every transaction of the test through one server connection. */
export async function openTestConnection(maxConnections = 5): Promise<Connection> {
  if (onPostgres()) {
    return openConnection({ databaseUrl: inject('testDatabaseUrl'), maxConnections });
  }
  const connection = await openConnection({ pgliteDir: 'memory://' });
  await migrate(connection);
  return connection;
}

/**
 * A database of this test file alone: on PostgreSQL a fresh, migrated database of its own
 * (dropped after the file), on PGlite an in-memory one. For tests that run the job workers,
 * which take every job of their database, other test files' too.
 */
export function setupPrivateTestDatabase(): () => Connection {
  let connection: Connection | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (process.env.TEST_DRIVER !== 'postgres') {
      connection = await openTestConnection();
      return;
    }
    // Made and migrated as the run's database is (src/test/postgres-global-setup.ts).
    const runtimeServer = process.env.DATABASE_URL!;
    const ownerServer = process.env.MIGRATION_DATABASE_URL || runtimeServer;
    const name = `clientele_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
    const admin = postgres(ownerServer, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    drop = async () => {
      await dropTestDatabase(admin, name);
      await admin.end();
    };
    const onDatabase = (server: string) => {
      const url = new URL(server);
      url.pathname = `/${name}`;
      return url.toString();
    };
    const runtimeUrl = onDatabase(runtimeServer);
    connection = await openConnection({ databaseUrl: runtimeUrl, maxConnections: 5 });
    const ownerUrl = onDatabase(ownerServer);
    await migrateAsOwner(connection, ownerUrl === runtimeUrl ? undefined : ownerUrl);
  });
  afterAll(async () => {
    await connection?.close();
    await drop?.();
  });
  return () => {
    if (!connection) throw new Error('The test database is not open yet');
    return connection;
  };
}

/**
 * The test database as the login that owns its tables, for tests that tamper with it the way
 * only an owner could. On PGlite that is the file's one connection (`runtime`).
 */
export function setupOwnerDatabase(runtime: () => Connection): () => Database {
  let owner: Connection | undefined;
  beforeAll(async () => {
    if (onPostgres()) {
      owner = await openConnection({
        databaseUrl: inject('testMigrationDatabaseUrl'),
        maxConnections: 2,
      });
    }
  });
  afterAll(async () => {
    await owner?.close();
  });
  return () => (owner ?? runtime()).db;
}
