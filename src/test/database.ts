import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { openConnection, type Connection } from '@/server/db/connection';
import { migrate } from '@/server/db/migrate';

/**
 * The database of this test file: an in-memory PGlite (TEST_DRIVER=pglite) or the run's fresh
 * PostgreSQL database (TEST_DRIVER=postgres). Tests isolate themselves by creating their own
 * organizations, the same way tenants are isolated in production.
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
  if (process.env.TEST_DRIVER === 'postgres') {
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
    const serverUrl = process.env.DATABASE_URL!;
    const name = `clientele_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    drop = async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    connection = await openConnection({ databaseUrl: url.toString(), maxConnections: 5 });
    await migrate(connection);
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
