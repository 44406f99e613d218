import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { withReplicas } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import lockfile from 'proper-lockfile';
import postgres from 'postgres';
import type { Env } from '@/env';
import { activeTracer } from '@/server/observability/tracing';
import { instrumentPostgres } from './instrumented-client';
import { tracePglite } from './pglite-tracing';
import { trackPostgresPool } from './pool-tracking';
import * as schema from './schema';
import type { Database } from './types';

export type DriverName = 'postgres' | 'pglite';

export interface ConnectionOptions {
  /** postgres:// URL; when absent the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Read replicas of databaseUrl; read-only transactions may run on them (see replicas.ts). */
  replicaUrls?: string[];
  /** PGlite data directory; `memory://` keeps the database in memory (tests). */
  pgliteDir?: string;
  /** Pool size for postgres.js, per server. */
  maxConnections?: number;
  /** Statements and transactions that may wait for a connection of a full pool; more get 503. */
  poolQueueLimit?: number;
  /** Statements running longer are cancelled by the server (57014); 0 or absent: no limit. */
  statementTimeoutMs?: number;
  /**
   * `transaction`: databaseUrl is a transaction-mode pooler (PgBouncer), where each transaction
   * may run on another server session. Statements are then sent unnamed (a named prepared
   * statement lives in one session) and no startup parameters go with the connection (the
   * pooler refuses them, so the statement timeout is the login's: see docs/operations.md).
   */
  pooler?: 'none' | 'transaction';
  /** The database without the pooler, for the work that needs a session of its own. */
  directUrl?: string;
}

/**
 * One open database: the raw client plus a Drizzle handle over it. The raw client is what
 * gets shared process-wide (see runtime.ts); Drizzle handles are cheap to create.
 */
export interface Connection {
  readonly driver: DriverName;
  readonly db: Database;
  readonly client: postgres.Sql | PGlite;
  /** One client per read replica (postgres driver only). */
  readonly replicaClients: postgres.Sql[];
  /** The postgres:// URL (postgres driver only), for tools that open their own connections. */
  readonly databaseUrl?: string;
  /**
   * Where work that needs a session of its own connects (listening for notifications, session
   * advisory locks, the job queue): the direct URL behind a transaction pooler, else databaseUrl.
   */
  readonly sessionUrl?: string;
  /**
   * Resolves once the database answers, rejects when it does not within timeoutMs (default
   * 2 s). On PostgreSQL it asks on a connection of its own, so a pool busy with requests does
   * not make a healthy database look down (readiness).
   */
  ping(timeoutMs?: number): Promise<void>;
  /** Ends the pools, letting running statements finish for up to timeoutMs (default 5 s). */
  close(timeoutMs?: number): Promise<void>;
}

/** The settings of a connection behind a transaction pooler, as the environment gives them. */
export const poolerOptions = (config: Env): Pick<ConnectionOptions, 'pooler' | 'directUrl'> => ({
  pooler: config.DATABASE_POOLER,
  directUrl: config.DATABASE_DIRECT_URL,
});

export async function openConnection(options: ConnectionOptions): Promise<Connection> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options)
    : openPglite(options.pgliteDir ?? '.data/pglite');
}

/** A Drizzle handle over the client; with replicas, Drizzle's withReplicas over all of them. */
export function drizzleFor(
  client: postgres.Sql | PGlite,
  replicaClients: postgres.Sql[] = [],
): Database {
  const tracer = activeTracer();
  if (client instanceof PGlite) {
    return drizzlePglite({ client: tracer ? tracePglite(client, tracer) : client, schema });
  }
  const primary = drizzlePostgres({ client: instrumentPostgres(client, tracer), schema });
  const [first, ...rest] = replicaClients.map((replica) =>
    drizzlePostgres({ client: instrumentPostgres(replica, tracer), schema }),
  );
  return first ? withReplicas(primary, [first, ...rest]) : primary;
}

function openPostgres(url: string, options: ConnectionOptions): Connection {
  const pooled = options.pooler === 'transaction';
  const open = (serverUrl: string, applicationName: string) =>
    postgres(serverUrl, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      // While the server is down, queries wait for the next connection attempt: at most a
      // second apart (postgres.js backs off up to 20 s, holding requests long after a restart),
      // and an unreachable host is given up after 5 s; either way the request gets its 503.
      backoff: (retries: number) => Math.min(0.1 * retries, 1),
      connect_timeout: 5,
      prepare: !pooled,
      connection: {
        application_name: applicationName,
        ...(options.statementTimeoutMs && !pooled
          ? { statement_timeout: options.statementTimeoutMs }
          : {}),
      },
    });
  const client = open(url, 'clientele');
  const replicaClients = (options.replicaUrls ?? []).map((replica) =>
    open(replica, 'clientele-replica'),
  );
  const untrackPools = [
    trackPostgresPool(client, 'primary', options.poolQueueLimit),
    ...replicaClients.map((replica, index) =>
      trackPostgresPool(replica, `replica-${index + 1}`, options.poolQueueLimit),
    ),
  ];
  let pinger: postgres.Sql | undefined;
  let closed = false;
  return {
    driver: 'postgres',
    client,
    replicaClients,
    databaseUrl: url,
    sessionUrl: (pooled && options.directUrl) || url,
    db: drizzleFor(client, replicaClients),
    async ping(timeoutMs = 2_000) {
      if (closed) throw new Error('The database connection is closed');
      const sql = (pinger ??= postgres(url, {
        max: 1,
        onnotice: () => {},
        connect_timeout: Math.ceil(timeoutMs / 1000),
        prepare: !pooled,
        connection: { application_name: 'clientele-ready' },
      }));
      try {
        await withTimeout(sql`select 1`, timeoutMs);
      } catch (error) {
        // A connection that did not answer may never answer: the next ping opens another.
        if (pinger === sql) pinger = undefined;
        void sql.end({ timeout: 0 });
        throw error;
      }
    },
    async close(timeoutMs = 5_000) {
      closed = true;
      for (const untrack of untrackPools) untrack();
      const timeout = Math.max(0, timeoutMs) / 1000;
      void pinger?.end({ timeout: 0 });
      await Promise.all([client, ...replicaClients].map((sql) => sql.end({ timeout })));
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
    extensions: { pg_trgm, btree_gin },
  });
  return {
    driver: 'pglite',
    client,
    replicaClients: [],
    db: drizzleFor(client),
    async ping(timeoutMs = 2_000) {
      await withTimeout(client.query('select 1'), timeoutMs);
    },
    async close() {
      await client.close();
      await release?.();
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timedOut]).finally(() => clearTimeout(timer));
}
