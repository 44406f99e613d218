import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { withAdvisoryLock } from './advisory-lock';
import type { Connection } from './connection';
import type { Database, Schema } from './types';

const MIGRATION_LOCK_KEY = 7_204_211;

type Executor = Pick<Database, 'execute'>;

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
  return withAdvisoryLock(connection, MIGRATION_LOCK_KEY, (locked) =>
    locked
      ? applyMigrations(drizzlePostgres({ client: locked }), (db) =>
          migratePostgres(db, { migrationsFolder }),
        )
      : applyMigrations(connection.db, (db) =>
          migratePglite(db as PgliteDatabase<Schema>, { migrationsFolder }),
        ),
  );
}

async function applyMigrations<D extends Executor>(
  db: D,
  run: (db: D) => Promise<void>,
): Promise<MigrationResult> {
  const before = await countApplied(db);
  await run(db);
  const total = await countApplied(db);
  return { applied: total - before, total };
}

async function migrationsTablePresent(db: Executor): Promise<boolean> {
  const result = await db.execute(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  return rows<{ present: boolean }>(result)[0]?.present ?? false;
}

async function countApplied(db: Executor): Promise<number> {
  if (!(await migrationsTablePresent(db))) return 0;
  const result = await db.execute(
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  );
  return rows<{ count: number }>(result)[0]?.count ?? 0;
}

export const MIGRATE_COMMAND = 'node dist/cli/main.mjs migrate';

export class PendingMigrationsError extends Error {
  constructor(readonly pending: string[]) {
    super(
      `The database schema is behind this version: ${pending.length} migration(s) pending ` +
        `(${pending.join(', ')}), and MIGRATE_AT_START is false. Run \`${MIGRATE_COMMAND}\` ` +
        '(`npm run --silent cli -- migrate` from a checkout) first, then start again.',
    );
    this.name = 'PendingMigrationsError';
  }
}

/**
 * The migrations in the folder that the database has not applied, by drizzle's own rule: every
 * one newer than the last applied (drizzle.__drizzle_migrations.created_at is the journal's `when`).
 */
export async function pendingMigrations(
  connection: Connection,
  migrationsFolder = MIGRATIONS_FOLDER,
): Promise<string[]> {
  const journal = JSON.parse(
    await readFile(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { when: number; tag: string }[] };
  let lastApplied = -Infinity;
  if (await migrationsTablePresent(connection.db)) {
    const result = await connection.db.execute(
      sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`,
    );
    const last = rows<{ last: string | null }>(result)[0]?.last;
    if (last != null) lastApplied = Number(last);
  }
  return journal.entries.filter((entry) => entry.when > lastApplied).map((entry) => entry.tag);
}

/** For MIGRATE_AT_START=false: migrations are someone else's job, but they must have run. */
export async function requireMigrationsApplied(
  connection: Connection,
  migrationsFolder = MIGRATIONS_FOLDER,
): Promise<MigrationResult> {
  const pending = await pendingMigrations(connection, migrationsFolder);
  if (pending.length > 0) throw new PendingMigrationsError(pending);
  return { applied: 0, total: await countApplied(connection.db) };
}

/** postgres.js returns an array of rows, PGlite an object with `rows`. */
export function rows<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
