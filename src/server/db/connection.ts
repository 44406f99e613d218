import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import lockfile from 'proper-lockfile';
import postgres from 'postgres';
import * as schema from './schema';
import type { Database } from './types';

export type DriverName = 'postgres' | 'pglite';

export interface ConnectionOptions {
  /** postgres:// URL; when absent the embedded PGlite database is used. */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` keeps the database in memory (tests). */
  pgliteDir?: string;
  /** Pool size for postgres.js. */
  maxConnections?: number;
}

/**
 * One open database: the raw client plus a Drizzle handle over it. The raw client is what
 * gets shared process-wide (see runtime.ts); Drizzle handles are cheap to create.
 */
export interface Connection {
  readonly driver: DriverName;
  readonly db: Database;
  readonly client: postgres.Sql | PGlite;
  /** The postgres:// URL (postgres driver only), for tools that open their own connections. */
  readonly databaseUrl?: string;
  /** Runs fn while holding a cluster-wide lock (migrations from several instances at once). */
  withExclusiveLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function openConnection(options: ConnectionOptions): Promise<Connection> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.maxConnections ?? 10)
    : openPglite(options.pgliteDir ?? '.data/pglite');
}

export function drizzleFor(client: postgres.Sql | PGlite): Database {
  return client instanceof PGlite
    ? drizzlePglite({ client, schema })
    : drizzlePostgres({ client: preparingEveryQuery(client), schema });
}

/**
 * Drizzle sends its queries unnamed, so PostgreSQL parses and plans each one again, and
 * postgres.js spends a round trip describing its parameters first. Named, they are prepared
 * once per connection (postgres.js keys them by their text) and then only bound and run.
 */
function preparingEveryQuery<Client extends postgres.Sql | postgres.TransactionSql>(
  client: Client,
): Client {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, params as postgres.ParameterOrJSON<never>[], {
            ...options,
            prepare: true,
          });
      }
      if (property === 'begin') {
        return (...args: unknown[]) => {
          const fn = args.pop() as (tx: postgres.TransactionSql) => unknown;
          const begin = (target as postgres.Sql).begin as (...a: unknown[]) => unknown;
          return begin(...args, (tx: postgres.TransactionSql) => fn(preparingEveryQuery(tx)));
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

function openPostgres(url: string, max: number): Connection {
  const client = postgres(url, {
    max,
    onnotice: () => {},
    connection: { application_name: 'clientele' },
  });
  return {
    driver: 'postgres',
    client,
    databaseUrl: url,
    db: drizzleFor(client),
    async withExclusiveLock(key, fn) {
      const reserved = await client.reserve();
      try {
        await reserved`select pg_advisory_lock(${key})`;
        return await fn();
      } finally {
        await reserved`select pg_advisory_unlock(${key})`.catch(() => {});
        reserved.release();
      }
    },
    async ping() {
      await client`select 1`;
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

export class DatabaseInUseError extends Error {
  constructor(dir: string) {
    super(
      `The embedded database in ${dir} is in use by another process (is \`npm run dev\` running?). ` +
        'Stop it first, or set DATABASE_URL to use a PostgreSQL server.',
    );
    this.name = 'DatabaseInUseError';
  }

  get code() {
    return 'DATABASE_IN_USE';
  }
}

async function openPglite(dir: string): Promise<Connection> {
  const inMemory = dir.startsWith('memory://');
  let release: (() => Promise<void>) | undefined;
  if (!inMemory) {
    // PGlite is single-process: a second process on the same directory would corrupt it.
    const absolute = path.resolve(dir);
    mkdirSync(path.dirname(absolute), { recursive: true });
    try {
      release = await lockfile.lock(absolute, {
        realpath: false,
        lockfilePath: `${absolute}.lock`,
        // A crashed process leaves its lock behind; it goes stale after 5 s without updates.
        stale: 5_000,
        update: 1_000,
        retries: { retries: 4, minTimeout: 1_000, maxTimeout: 1_500 },
      });
    } catch {
      throw new DatabaseInUseError(dir);
    }
  }
  const client = await PGlite.create({
    dataDir: inMemory ? undefined : path.resolve(dir),
    extensions: { pg_trgm },
  });
  // PGlite runs one query at a time, so an in-process queue is the whole lock.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    driver: 'pglite',
    client,
    db: drizzleFor(client),
    withExclusiveLock(_key, fn) {
      const run = queue.then(fn, fn);
      queue = run.catch(() => {});
      return run;
    },
    async ping() {
      await client.query('select 1');
    },
    async close() {
      await client.close();
      await release?.();
    },
  };
}
