import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openConnection } from '@/server/db/connection';
import { migrate } from '@/server/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseUrl: string;
  }
}

/** Creates a fresh, migrated database on the DATABASE_URL server for this run; drops it after. */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL!;
  const name = `clientele_test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = await openConnection({ databaseUrl: url.toString(), maxConnections: 2 });
  await migrate(connection);
  await connection.close();
  project.provide('testDatabaseUrl', url.toString());

  return async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
}
