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
