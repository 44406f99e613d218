import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { installJobQueue } from '@/server/jobs/queue';
import { withAdvisoryLock } from './advisory-lock';
import { openConnection, type Connection } from './connection';
import { pgErrorOf } from './repositories/pg-errors';
import { rows } from './rows';
import type { Database, Schema } from './types';

const MIGRATION_LOCK_KEY = 7_204_211;

type Executor = Pick<Database, 'execute'>;

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle');

export interface MigrationResult {
  applied: number;
  total: number;
}

/**
 * The roles the application's login works as: it switches to the first three per transaction
 * (tenant, identity, upkeep) and uses the job queue as clientele_jobs. Never the owner's, and
 * never clientele_audit_eraser, whose column rights on audit_logs only its function may use.
 */
export const RUNTIME_ROLES = [
  'clientele_app',
  'clientele_auth',
  'clientele_maintenance',
  'clientele_jobs',
] as const;

export interface MigrateOptions {
  migrationsFolder?: string;
  /**
   * The login the application runs as (DATABASE_URL's), when it is not the one migrating: it is
   * granted RUNTIME_ROLES, and nothing else.
   */
  runtimeLogin?: string;
}

/**
 * Applies pending migrations, installs or upgrades the job queue, and grants the runtime login
 * its roles; safe to run from several instances at once. Run it as the login that owns (or is to
 * own) the tables.
 */
export async function migrate(
  connection: Connection,
  options: MigrateOptions = {},
): Promise<MigrationResult> {
  const migrationsFolder = options.migrationsFolder ?? MIGRATIONS_FOLDER;
  return withAdvisoryLock(connection, MIGRATION_LOCK_KEY, async (locked) => {
    const onLock = locked && drizzlePostgres({ client: locked });
    const result = onLock
      ? await applyMigrations(onLock, (db) => migratePostgres(db, { migrationsFolder }))
      : await applyMigrations(connection.db, (db) =>
          migratePglite(db as PgliteDatabase<Schema>, { migrationsFolder }),
        );
    await installJobQueue(connection);
    if (options.runtimeLogin) {
      await grantRuntimeRoles(onLock || connection.db, options.runtimeLogin);
    }
    return result;
  });
}

/**
 * Migrates as the login that owns the tables: MIGRATION_DATABASE_URL's when it is set (and then
 * the runtime connection's own login is granted its roles), else the runtime connection's login,
 * as when one login does both. The embedded database has one user: always its own connection.
 */
export async function migrateAsOwner(
  runtime: Connection,
  migrationDatabaseUrl: string | undefined,
): Promise<MigrationResult> {
  if (!migrationDatabaseUrl || runtime.driver === 'pglite') {
    return explainRefusal(migrate(runtime), 'DATABASE_URL');
  }
  const [{ login } = { login: '' }] = rows<{ login: string }>(
    await runtime.db.execute(sql`select session_user as login`),
  );
  const owner = await openConnection({ databaseUrl: migrationDatabaseUrl, maxConnections: 1 });
  try {
    return await explainRefusal(migrate(owner, { runtimeLogin: login }), 'MIGRATION_DATABASE_URL');
  } finally {
    await owner.close();
  }
}

export class MigrationRefusedError extends Error {
  constructor(setting: string, reason: string) {
    super(
      `The login of ${setting} may not change the database schema (${reason}). Migrations run ` +
        'as the login that owns the tables: set MIGRATION_DATABASE_URL to it (DATABASE_URL ' +
        'then names the login the app runs as), or set MIGRATE_AT_START=false and run ' +
        `\`${MIGRATE_COMMAND}\` with it.`,
    );
    this.name = 'MigrationRefusedError';
  }

  get code() {
    return 'MIGRATION_REFUSED';
  }
}

/** A migration refused for want of privileges (42501) names the way out. */
async function explainRefusal<T>(migrating: Promise<T>, setting: string): Promise<T> {
  try {
    return await migrating;
  } catch (error) {
    if (pgErrorOf(error)?.code !== '42501') throw error;
    const cause = error instanceof Error ? (error.cause ?? error) : error;
    throw new MigrationRefusedError(setting, String((cause as Error).message ?? cause));
  }
}

/** Grants the runtime login the roles it works as, unless it is the migrating login itself. */
async function grantRuntimeRoles(db: Executor, login: string): Promise<void> {
  const [found] = rows<{ exists: boolean; self: boolean }>(
    await db.execute(
      sql`select exists (select 1 from pg_roles where rolname = ${login}) as exists,
                 ${login} = current_user as self`,
    ),
  );
  if (found?.self) return;
  if (!found?.exists) throw new Error(`DATABASE_URL's login "${login}" does not exist`);
  for (const role of RUNTIME_ROLES) {
    const [member] = rows<{ member: boolean }>(
      await db.execute(sql`select pg_has_role(${login}, ${role}, 'MEMBER') as member`),
    );
    if (!member?.member) {
      await db.execute(sql`grant ${sql.identifier(role)} to ${sql.identifier(login)}`);
    }
  }
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

  get code() {
    return 'MIGRATIONS_PENDING';
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
