import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Connection } from './connection';
import type { Schema } from './types';

const MIGRATION_LOCK_KEY = 7_204_211;

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle');

export interface MigrationResult {
  applied: number;
  total: number;
}

/** Applies pending migrations; safe to run from several instances at once. */
export async function migrate(
  connection: Connection,
  migrationsFolder = MIGRATIONS_FOLDER,
): Promise<MigrationResult> {
  return connection.withExclusiveLock(MIGRATION_LOCK_KEY, async () => {
    const before = await countApplied(connection);
    if (connection.driver === 'pglite') {
      await migratePglite(connection.db as PgliteDatabase<Schema>, { migrationsFolder });
    } else {
      await migratePostgres(connection.db as PostgresJsDatabase<Schema>, { migrationsFolder });
    }
    const total = await countApplied(connection);
    return { applied: total - before, total };
  });
}

async function countApplied(connection: Connection): Promise<number> {
  const exists = await connection.db.execute(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!rows<{ present: boolean }>(exists)[0]?.present) return 0;
  const result = await connection.db.execute(
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  );
  return rows<{ count: number }>(result)[0]?.count ?? 0;
}

/** postgres.js returns an array of rows, PGlite an object with `rows`. */
export function rows<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
