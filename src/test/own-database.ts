import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openConnection, type Connection } from '@/server/db/connection';
import { MIGRATIONS_FOLDER } from '@/server/db/migrate';
import { dropTestDatabase } from './drop-database';

/** A copy of drizzle/ whose journal ends with the migration `lastTag`. */
export async function migrationsUpTo(lastTag: string): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'clientele-migrations-'));
  await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as {
    entries: { tag: string }[];
  };
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  journal.entries = journal.entries.slice(0, last + 1);
  await writeFile(journalFile, JSON.stringify(journal));
  return folder;
}

/**
 * A database of its own, as the login that owns the tables: an in-memory PGlite, or a fresh
 * PostgreSQL database created and migrated by MIGRATION_DATABASE_URL's login.
 */
export async function openOwnDatabase(): Promise<{
  connection: Connection;
  drop: () => Promise<void>;
}> {
  if (process.env.TEST_DRIVER !== 'postgres') {
    const connection = await openConnection({ pgliteDir: 'memory://' });
    return { connection, drop: async () => {} };
  }
  const ownerServer = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL!;
  const name = `clientele_migration_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(ownerServer, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(ownerServer);
  url.pathname = `/${name}`;
  const connection = await openConnection({ databaseUrl: url.toString(), maxConnections: 2 });
  return {
    connection,
    drop: async () => {
      await connection.close();
      await dropTestDatabase(admin, name);
      await admin.end();
    },
  };
}
