import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openConnection } from '@/server/db/connection';
import { migrateAsOwner } from '@/server/db/migrate';
import { dropTestDatabase } from './drop-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's database as the login the app runs as (DATABASE_URL's). */
    testDatabaseUrl: string;
    /** The same database as the login that owns its tables (MIGRATION_DATABASE_URL's, else the same). */
    testMigrationDatabaseUrl: string;
  }
}

/**
 * Creates a fresh database for this run on the server, migrated as production migrates: by
 * MIGRATION_DATABASE_URL's login when it is set (which creates the database and owns the
 * tables), the app then running as DATABASE_URL's; by DATABASE_URL's alone otherwise. Drops it
 * after the run.
 */
export default async function setup(project: TestProject) {
  const runtimeServer = process.env.DATABASE_URL!;
  const ownerServer = process.env.MIGRATION_DATABASE_URL || runtimeServer;
  const name = `clientele_test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(ownerServer, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const onTestDatabase = (server: string) => {
    const url = new URL(server);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const runtimeUrl = onTestDatabase(runtimeServer);
  const ownerUrl = onTestDatabase(ownerServer);
  const connection = await openConnection({ databaseUrl: runtimeUrl, maxConnections: 2 });
  await migrateAsOwner(connection, ownerUrl === runtimeUrl ? undefined : ownerUrl);
  await connection.close();
  project.provide('testDatabaseUrl', runtimeUrl);
  project.provide('testMigrationDatabaseUrl', ownerUrl);

  return async () => {
    await dropTestDatabase(admin, name);
    await admin.end();
  };
}
