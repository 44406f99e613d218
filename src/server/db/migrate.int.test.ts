import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '@/test/database';
import { openConnection } from './connection';
import {
  MIGRATE_COMMAND,
  MIGRATIONS_FOLDER,
  migrate,
  pendingMigrations,
  PendingMigrationsError,
  requireMigrationsApplied,
} from './migrate';

const connection = setupTestDatabase();

interface Journal {
  entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[];
}

const journalOf = async (folder: string) =>
  JSON.parse(await readFile(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;

/** A copy of drizzle/ with one more migration than the test database has applied. */
let aheadFolder: string;
const NEXT_MIGRATION = '9999_next_release';

beforeAll(async () => {
  aheadFolder = await mkdtemp(path.join(os.tmpdir(), 'clientele-migrations-'));
  await cp(MIGRATIONS_FOLDER, aheadFolder, { recursive: true });
  const journal = await journalOf(aheadFolder);
  const last = journal.entries.at(-1)!;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: NEXT_MIGRATION });
  await writeFile(path.join(aheadFolder, 'meta', '_journal.json'), JSON.stringify(journal));
  await writeFile(path.join(aheadFolder, `${NEXT_MIGRATION}.sql`), 'select 1;');
});

afterAll(async () => {
  await rm(aheadFolder, { recursive: true, force: true });
});

describe('starting without migrating (MIGRATE_AT_START=false)', () => {
  it('starts when every migration in drizzle/ has been applied', async () => {
    const { entries } = await journalOf(MIGRATIONS_FOLDER);
    expect(await pendingMigrations(connection())).toEqual([]);
    expect(await requireMigrationsApplied(connection())).toEqual({
      applied: 0,
      total: entries.length,
    });
  });

  it('refuses, naming the pending migration and the command, when the schema is behind', async () => {
    const refusal = requireMigrationsApplied(connection(), aheadFolder);
    await expect(refusal).rejects.toBeInstanceOf(PendingMigrationsError);
    await expect(refusal).rejects.toMatchObject({ pending: [NEXT_MIGRATION] });
    await expect(refusal).rejects.toThrow(MIGRATE_COMMAND);
  });

  it('lists every migration on an empty database, and none once they are applied', async () => {
    const empty = await openConnection({ pgliteDir: 'memory://' });
    try {
      const { entries } = await journalOf(MIGRATIONS_FOLDER);
      expect(await pendingMigrations(empty)).toEqual(entries.map((entry) => entry.tag));
      await expect(requireMigrationsApplied(empty)).rejects.toThrow(
        `${entries.length} migration(s) pending`,
      );
      await migrate(empty);
      expect(await pendingMigrations(empty)).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});
