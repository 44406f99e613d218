import type { PGlite } from '@electric-sql/pglite';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import { AppError } from '@/server/errors';

/**
 * Turns an embedded (PGlite) database into one SQL script that a PostgreSQL server restores
 * with `psql -v ON_ERROR_STOP=1 --single-transaction -f FILE`, run as the login that owns the
 * tables (no superuser needed), into an empty database that role owns. The result is the same
 * database the migrations would have built on the server, with the data in it.
 *
 * pg_dump (compiled to WASM, run against PGlite) does most of it. What a plain dump cannot get
 * right is fixed here, and only in the schema sections: the data section is copied verbatim,
 * because text values span lines and must never be rewritten.
 *
 * - Roles are cluster-wide and not part of a database dump: the script creates the runtime
 *   roles when missing and grants them to the restoring role, as the migrations do.
 * - PGlite's only user (`postgres`) owns almost everything; on the server the login role must.
 *   Those `OWNER TO postgres` statements are dropped, so the restoring role owns what it
 *   creates, exactly as when it runs the migrations.
 * - Objects that runtime roles own (the identity views, the audit eraser function) keep their
 *   owners, which their security depends on: a view reads its tables with its owner's
 *   row-level security. Those changes of owner move to the end, after the grants they need
 *   (a role can only own a function in a schema it may create in).
 * - PGlite is PostgreSQL 18 and pg_dump writes settings older servers reject
 *   (`transaction_timeout`); they are left out.
 */

const DUMP_USER = 'postgres';

/** Session settings pg_dump 18 writes that PostgreSQL 15–16 do not know; all are defaults. */
const NEWER_SERVER_SETTINGS = /^SET (transaction_timeout) = .*;$/;

/** `ALTER <kind> <name> OWNER TO <role>;` as pg_dump writes it, on one line. */
const OWNER_STATEMENT = /^ALTER [A-Z ]+ .+ OWNER TO ("[^"]+"|[a-z_][a-z0-9_$]*);$/;

/** Statements only a superuser may run; a dump that needs them cannot be restored as the app. */
const SUPERUSER_ONLY = /^SET SESSION AUTHORIZATION\b/;

export interface PgliteExport {
  sql: string;
  /** The runtime roles the script creates on the server when they are missing. */
  roles: string[];
  /** Applied migrations (the script restores the migrations table, so none is re-applied). */
  migrations: number;
  /** The PostgreSQL version inside PGlite. */
  serverVersion: string;
  /** Rows of the main tables, to compare with the server after the restore. */
  rows: Record<string, number>;
}

const COUNTED_TABLES = [
  'organizations',
  'users',
  'customers',
  'customer_interactions',
  'orders',
  'audit_logs',
  'pgboss.job',
];

export async function exportPglite(pg: PGlite): Promise<PgliteExport> {
  const [{ user, version } = { user: '', version: '' }] = (
    await pg.query<{ user: string; version: string }>(
      `select current_user as user, current_setting('server_version') as version`,
    )
  ).rows;
  if (user !== DUMP_USER) {
    throw new AppError(
      'UNPROCESSABLE_CONTENT',
      `Expected PGlite to run as "${DUMP_USER}", not "${user}"`,
    );
  }
  const migrations = await countMigrations(pg);
  if (migrations === 0) {
    throw new AppError(
      'UNPROCESSABLE_CONTENT',
      'The embedded database has no applied migrations: there is nothing to export',
    );
  }
  const roles = (
    await pg.query<{ rolname: string }>(
      `select rolname from pg_roles where rolname !~ '^pg_' and rolname <> current_user order by 1`,
    )
  ).rows.map((row) => row.rolname);

  // PGlite runs one statement at a time and this process holds its directory, so the three
  // sections are one consistent state.
  const preData = await dumpSection(pg, ['--section=pre-data']);
  const data = await dumpSection(pg, ['--section=data', '--rows-per-insert=100']);
  const postData = await dumpSection(pg, ['--section=post-data']);

  const deferredOwners: string[] = [];
  const schema = (text: string) => {
    const kept: string[] = [];
    for (const line of text.split('\n')) {
      if (NEWER_SERVER_SETTINGS.test(line)) continue;
      if (SUPERUSER_ONLY.test(line)) {
        throw new AppError(
          'UNPROCESSABLE_CONTENT',
          `The dump needs a superuser to restore ("${line}"); the export cannot make it portable`,
        );
      }
      const owner = OWNER_STATEMENT.exec(line);
      if (owner) {
        if (owner[1] !== DUMP_USER) deferredOwners.push(line);
        continue;
      }
      kept.push(line);
    }
    return kept.join('\n');
  };
  // Only the settings at the top of the data section are read: after them come the rows.
  const firstEntry = data.search(/^-- (Data for )?Name: /m);
  const dataWithoutNewerSettings =
    firstEntry < 0
      ? data
      : data
          .slice(0, firstEntry)
          .split('\n')
          .filter((line) => !NEWER_SERVER_SETTINGS.test(line))
          .join('\n') + data.slice(firstEntry);

  const sql = [
    header(version),
    rolesScript(roles),
    schema(preData),
    dataWithoutNewerSettings,
    schema(postData),
    '-- Owners that are runtime roles, set once the grants they rely on exist.\n',
    deferredOwners.join('\n'),
    '',
  ].join('\n');
  return { sql, roles, migrations, serverVersion: version, rows: await countRows(pg) };
}

/** PGlite's user is a superuser, so row-level security does not hide rows from these counts. */
async function countRows(pg: PGlite): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const present = await pg.query<{ present: boolean }>(
      'select to_regclass($1) is not null as present',
      [table],
    );
    if (!present.rows[0]?.present) continue;
    const counted = await pg.query<{ count: number }>(
      `select count(*)::int as count from ${table}`,
    );
    counts[table] = counted.rows[0]?.count ?? 0;
  }
  return counts;
}

async function countMigrations(pg: PGlite): Promise<number> {
  const present = await pg.query<{ present: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!present.rows[0]?.present) return 0;
  const counted = await pg.query<{ count: number }>(
    'select count(*)::int as count from drizzle.__drizzle_migrations',
  );
  return counted.rows[0]?.count ?? 0;
}

async function dumpSection(pg: PGlite, args: string[]): Promise<string> {
  const file = await pgDump({ pg, args });
  return file.text();
}

function header(version: string) {
  return `-- Clientele: an embedded (PGlite ${version}) database, exported for a PostgreSQL server.
-- Restore into an empty database owned by the login that owns the tables (MIGRATION_DATABASE_URL's,
-- or DATABASE_URL's when one login does both), connected as that role:
--   psql -v ON_ERROR_STOP=1 --single-transaction -f THIS_FILE "$MIGRATION_DATABASE_URL"
-- then run \`migrate\` with both URLs, which grants the login the app runs as its roles.
`;
}

/** Runtime roles as the migrations make them: created when missing, granted to the login role. */
function rolesScript(roles: string[]) {
  if (roles.length === 0) return '';
  const names = roles.map((role) => `'${role.replaceAll("'", "''")}'`).join(', ');
  return `-- Roles are cluster-wide: create the runtime roles this database uses when missing.
DO $$
DECLARE
  runtime_role text;
BEGIN
  FOREACH runtime_role IN ARRAY ARRAY[${names}] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime_role) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN NOBYPASSRLS', runtime_role);
    END IF;
    EXECUTE format('GRANT %I TO %I', runtime_role, current_user);
  END LOOP;
END
$$;
`;
}
