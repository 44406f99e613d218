import postgres from 'postgres';
import type { Connection } from './connection';

/**
 * Runs fn while holding a PostgreSQL advisory lock, so instances starting at once take turns.
 * The lock lives on a connection of its own, without the pool's statement timeout (waiting for
 * another instance, or building an index on a large table, may take long); fn gets that
 * connection. PGlite serves one process, so there fn runs at once, without a connection.
 */
export async function withAdvisoryLock<T>(
  connection: Connection,
  key: number,
  fn: (locked: postgres.Sql | undefined) => Promise<T>,
): Promise<T> {
  if (connection.driver === 'pglite') return fn(undefined);
  const locked = postgres(connection.sessionUrl!, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: 'clientele-setup' },
  });
  try {
    // Released when this connection ends.
    await locked`select pg_advisory_lock(${key})`;
    return await fn(locked);
  } finally {
    await locked.end({ timeout: 5 });
  }
}
