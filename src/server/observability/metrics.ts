import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { processSingleton } from '@/server/runtime-global';

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'clientele_' });
  const registers = [registry];
  const counter = <Label extends string>(name: string, help: string, labelNames: Label[] = []) =>
    new Counter({ name, help, labelNames, registers });
  const gauge = <Label extends string>(name: string, help: string, labelNames: Label[] = []) =>
    new Gauge({ name, help, labelNames, registers });
  const histogram = <Label extends string>(
    name: string,
    help: string,
    labelNames: Label[],
    buckets: number[],
  ) => new Histogram({ name, help, labelNames, buckets, registers });
  /** A figure of every tracked pool, by pool, read at each scrape. */
  const poolGauge = (name: string, help: string, valueOf: (pool: PoolUsage) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['pool'] as const,
      registers,
      collect() {
        this.reset();
        for (const pool of pools.values()) this.set({ pool: pool.name }, valueOf(pool));
      },
    });
  return {
    registry,
    httpRequests: counter(
      'clientele_http_requests_total',
      'HTTP requests served under /api, by route, method and status.',
      ['route', 'method', 'status'],
    ),
    httpDuration: histogram(
      'clientele_http_request_duration_seconds',
      'Time to serve HTTP requests under /api, by route.',
      ['route', 'method'],
      [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    ),
    procedureCalls: counter(
      'clientele_procedure_calls_total',
      'Procedure calls by procedure, door (trpc, rest, mcp, server) and result code.',
      ['procedure', 'door', 'code'],
    ),
    procedureDuration: histogram(
      'clientele_procedure_duration_seconds',
      'Procedure duration, by procedure and door.',
      ['procedure', 'door'],
      [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    ),
    rateLimitRejections: counter(
      'clientele_rate_limit_rejections_total',
      'Requests refused by a rate limit, by rule and reason: over the limit (429), or the store unreachable for a rule that fails closed (503).',
      ['rule', 'reason'],
    ),
    rateLimitStoreErrors: counter(
      'clientele_rate_limit_store_errors_total',
      'Rate limit checks that could not reach the store, by rule.',
      ['rule'],
    ),
    databaseErrors: counter(
      'clientele_db_errors_total',
      'Failed database statements and transactions, by pool and code (SQLSTATE, or the connection error).',
      ['pool', 'code'],
    ),
    poolSize: poolGauge(
      'clientele_db_pool_size',
      'Connections a database pool may open (DATABASE_POOL_SIZE), by pool.',
      (pool) => pool.size,
    ),
    poolInUse: poolGauge(
      'clientele_db_pool_connections_in_use',
      'Connections of a database pool running a statement or holding a transaction, by pool.',
      (pool) => Math.min(pool.demand, pool.size),
    ),
    poolWaiting: poolGauge(
      'clientele_db_pool_waiting',
      'Statements and transactions waiting for a connection of a full pool, by pool.',
      (pool) => Math.max(0, pool.demand - pool.size),
    ),
    jobQueueDepth: gauge(
      'clientele_job_queue_depth',
      'Jobs waiting to run (new or to be retried, including those scheduled for later), by queue.',
      ['queue'],
    ),
    jobQueueActive: gauge('clientele_job_queue_active', 'Jobs being worked on, by queue.', [
      'queue',
    ]),
    auditTrailAlterable: gauge(
      'clientele_audit_trail_alterable',
      'Whether the database login the app runs as could truncate, delete or rewrite the audit trail (1) or not (0): it owns the tables or their schema, holds TRUNCATE, DELETE or UPDATE on them, or is a superuser or bypasses row-level security. Checked at start.',
    ),
    jobQueueStatsFailures: counter(
      'clientele_job_queue_stats_failures_total',
      'Scrapes whose job queue figures could not be read in time (the gauges are then left empty).',
    ),
  };
}

export const rateLimitRejections = () => metrics().rateLimitRejections;
export const rateLimitStoreErrors = () => metrics().rateLimitStoreErrors;

export const metrics = () => processSingleton('metrics', createMetrics);

/**
 * What a database pool is asked for. postgres.js keeps no statistics, so the client's wrapper
 * (db/instrumented-client.ts) counts: a statement outside a transaction takes a connection
 * until it settles, a transaction from BEGIN until COMMIT or ROLLBACK. postgres.js hands work
 * to an idle or unopened connection before it queues any, so while demand is below the size
 * each unit holds a connection of its own: in use = min(demand, size), the rest waits.
 */
export class PoolUsage {
  demand = 0;
  constructor(
    readonly name: string,
    readonly size: number,
  ) {}
}

const pools = processSingleton('metrics.pools', () => new Map<string, PoolUsage>());

/** Reports a pool under its name (`primary`, `replica-1`…) until it is closed. */
export function trackPool(usage: PoolUsage): void {
  pools.set(usage.name, usage);
}

export function untrackPool(usage: PoolUsage): void {
  if (pools.get(usage.name) === usage) pools.delete(usage.name);
}

export function recordDatabaseError(pool: string, code: string): void {
  metrics().databaseErrors.inc({ pool, code });
}

export interface JobQueueFigures {
  queue: string;
  waiting: number;
  active: number;
}

const jobQueueScrape = processSingleton('metrics.job-queues', () => ({
  readAt: -Infinity,
  reading: undefined as Promise<boolean> | undefined,
}));

/**
 * Refreshes the job queue gauges at scrape time from the database, at most every maxAgeMs.
 * A slow database cannot hold the scrape: after timeoutMs the gauges are emptied (and the
 * failure counted) and the scrape goes on; one read at a time is ever in flight.
 */
export async function refreshJobQueueMetrics(
  read: () => Promise<JobQueueFigures[]>,
  { maxAgeMs = 5_000, timeoutMs = 1_000 } = {},
): Promise<void> {
  const scrape = jobQueueScrape;
  const now = performance.now();
  if (scrape.reading === undefined && now - scrape.readAt < maxAgeMs) return;
  const m = metrics();
  if (!scrape.reading) {
    scrape.readAt = now;
    scrape.reading = read()
      .then(
        (figures) => {
          m.jobQueueDepth.reset();
          m.jobQueueActive.reset();
          for (const { queue, waiting, active } of figures) {
            m.jobQueueDepth.set({ queue }, waiting);
            m.jobQueueActive.set({ queue }, active);
          }
          return true;
        },
        () => false,
      )
      .finally(() => {
        scrape.reading = undefined;
      });
  }
  let timer: NodeJS.Timeout | undefined;
  const gotFigures = await Promise.race([
    scrape.reading,
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  // Counted once per scrape that got no figures, whether the read failed or was too slow.
  if (!gotFigures) {
    m.jobQueueDepth.reset();
    m.jobQueueActive.reset();
    m.jobQueueStatsFailures.inc();
  }
}

export function recordProcedure(procedure: string, door: string, code: string, ms: number) {
  const m = metrics();
  m.procedureCalls.inc({ procedure, door, code });
  m.procedureDuration.observe({ procedure, door }, ms / 1000);
}

export function recordHttp(route: string, method: string, status: number, ms: number) {
  const m = metrics();
  m.httpRequests.inc({ route, method, status: String(status) });
  m.httpDuration.observe({ route, method }, ms / 1000);
}
