import type postgres from 'postgres';
import { PoolUsage, trackPool, untrackPool } from '@/server/observability/metrics';
import { processSingleton } from '@/server/runtime-global';

export interface Pool {
  usage: PoolUsage;
  /** How many statements and transactions may wait for a connection; more are refused. */
  queueLimit: number;
}

const pools = processSingleton('db.pools', () => new WeakMap<object, Pool>());

/**
 * Reports the client's pool in the metrics as `name` until the returned function is called,
 * and bounds the work waiting for its connections to queueLimit.
 */
export function trackPostgresPool(
  client: postgres.Sql,
  name: string,
  queueLimit = Number.POSITIVE_INFINITY,
): () => void {
  const usage = new PoolUsage(name, client.options.max);
  pools.set(client, { usage, queueLimit });
  trackPool(usage);
  return () => untrackPool(usage);
}

/** The pool's usage and queue bound, or an untracked one's (unbounded). */
export function poolOf(client: postgres.Sql): Pool {
  return (
    pools.get(client) ?? {
      usage: new PoolUsage('untracked', client.options.max),
      queueLimit: Number.POSITIVE_INFINITY,
    }
  );
}
