import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

const PACKAGES = [
  'next',
  '@trpc/server',
  'trpc-to-openapi',
  'drizzle-orm',
  'postgres',
  '@electric-sql/pglite',
  'superjson',
  'zod',
];

export interface Machine {
  cores: number;
  cpuModel: string;
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
  node: string;
  postgres: string;
}

export async function describeMachine(databaseUrl: string): Promise<Machine> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ server_version: string }[]>`show server_version`;
    return {
      cores: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      loadAverageAtStart: os.loadavg(),
      node: process.version,
      postgres: row!.server_version,
    };
  } finally {
    await sql.end();
  }
}

/** Installed versions of the packages a request goes through. */
export function packageVersions(): Record<string, string> {
  return Object.fromEntries(
    PACKAGES.map((name) => {
      const manifest = path.join('node_modules', name, 'package.json');
      const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
      return [name, version];
    }),
  );
}
