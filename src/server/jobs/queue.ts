import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { JobQueueFigures } from '@/server/observability/metrics';
import type { Connection } from '@/server/db/connection';
import { rows } from '@/server/db/rows';
import type { Transaction } from '@/server/db/types';
import { MAIL_SEND_TIMEOUT_MS } from '@/server/mail/transport';
import { PUSH_SEND_TIMEOUT_MS } from '@/server/push/send';
import { SMS_SEND_TIMEOUT_MS } from '@/server/sms/transport';
import { WEBHOOK_SEND_TIMEOUT_MS } from '@/server/domain/webhooks/send';
import { transactionDb } from './transaction-db';
import { QueueWorker, type JobHandler, type WorkOptions } from './worker';

/**
 * Mail and imports retry by themselves with backoff; webhook deliveries schedule their own
 * retries (their delivery log shows each attempt), so their jobs retry only after a crash, and
 * soon. A job that is still active when it expires (its process died) is retried: mail and
 * webhook jobs expire shortly after their send timeout, so that a crash delays them by that
 * and the expiry check (MAINTENANCE_INTERVAL_SECONDS) rather than by pg-boss's 15 minutes.
 */
const QUEUE_OPTIONS = {
  mail: {
    retryLimit: 8,
    retryDelay: 10,
    retryBackoff: true,
    expireInSeconds: expiryAfter(MAIL_SEND_TIMEOUT_MS),
  },
  import: { retryLimit: 8, retryDelay: 10, retryBackoff: true },
  webhook: {
    retryLimit: 2,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: expiryAfter(WEBHOOK_SEND_TIMEOUT_MS),
  },
  reminder: { retryLimit: 5, retryDelay: 10, retryBackoff: true },
  // A notification's channels are chosen once (its deliveries are recorded); the digest and
  // each push or SMS retry by themselves.
  notification: { retryLimit: 5, retryDelay: 10, retryBackoff: true },
  // One waiting digest per member and organization (its singletonKey): what comes meanwhile joins it.
  digest: { policy: 'short', retryLimit: 5, retryDelay: 30, retryBackoff: true },
  push: {
    retryLimit: 4,
    retryDelay: 10,
    retryBackoff: true,
    expireInSeconds: expiryAfter(PUSH_SEND_TIMEOUT_MS),
  },
  sms: {
    retryLimit: 6,
    retryDelay: 10,
    retryBackoff: true,
    expireInSeconds: expiryAfter(SMS_SEND_TIMEOUT_MS),
  },
  maintenance: { retryLimit: 0 },
  'audit-checkpoint': { retryLimit: 0 },
} as const;

/** A send's timeout and ten seconds for what the job does around it (reading, recording). */
function expiryAfter(sendTimeoutMs: number): number {
  return Math.ceil(sendTimeoutMs / 1000) + 10;
}

/**
 * How often pg-boss's upkeep runs (once across instances): it fails the jobs past their expiry
 * (to be retried), archives finished ones and deletes old ones. Its default is two minutes.
 */
const MAINTENANCE_INTERVAL_SECONDS = 10;

export type QueueName = keyof typeof QUEUE_OPTIONS;
export const QUEUES = Object.keys(QUEUE_OPTIONS) as QueueName[];

export interface EnqueueOptions {
  /** Deduplicates: a second job with the same key is not created while the first exists. */
  singletonKey?: string;
  startAfter?: Date;
  retryLimit?: number;
}

/**
 * Durable background jobs on PostgreSQL (pg-boss). Jobs are created inside the caller's
 * transaction, so a job exists exactly when the change that asked for it committed.
 */
export class JobQueue {
  readonly #boss: PgBoss;
  readonly #logger: Logger;
  #started = false;
  readonly #workers: QueueWorker[] = [];

  /** `maintenance: false` skips pg-boss's background upkeep (tests, one-off CLI runs). */
  constructor(connection: Connection, logger: Logger, options: { maintenance?: boolean } = {}) {
    this.#logger = logger;
    const upkeep =
      options.maintenance === false
        ? { supervise: false, schedule: false }
        : { maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS };
    // pg-boss's schema and the queues are made when migrating (installJobQueue), by the login
    // that owns the tables; here they must already be there.
    this.#boss = new PgBoss({
      ...bossDatabase(connection, 'clientele-jobs', 3),
      migrate: false,
      ...RETENTION,
      ...upkeep,
    });
    // Through the err serializer: pg's errors carry their whole client, and the job's data.
    this.#boss.on('error', (error: Error) => logger.error({ err: error }, 'job queue error'));
  }

  /** Starts pg-boss on the schema and queues that migrating installed. */
  async start(): Promise<void> {
    if (this.#started) return;
    let missing: string;
    try {
      await this.#boss.start();
      const queues = await Promise.all(QUEUES.map((name) => this.#boss.getQueue(name)));
      missing = QUEUES.filter((_, i) => !queues[i]).join(', ');
    } catch (error) {
      // pg-boss says "pg-boss is not installed" or "… requires migrations".
      if (!(error instanceof Error && /not installed|requires migrations/.test(error.message))) {
        throw error;
      }
      missing = error.message;
    }
    if (missing) {
      await this.#boss.stop({ graceful: false });
      throw new Error(
        `The job queue is not installed as this version needs it (${missing}): apply the ` +
          'migrations first (`node dist/cli/main.mjs migrate`).',
      );
    }
    this.#started = true;
  }

  /**
   * Creates a job in tx. pg-boss's tables are the login's to use (clientele_jobs), not the
   * tenant or identity role's the transaction runs as, so the role is lifted for this one
   * statement.
   */
  async enqueue(tx: Transaction, name: QueueName, data: object, options: EnqueueOptions = {}) {
    const [current] = rows<{ role: string }>(
      await tx.execute(
        sql`select current_setting('role') as role, set_config('role', 'none', true)`,
      ),
    );
    const id = await this.#boss.send(name, data, { ...options, db: transactionDb(tx) });
    await tx.execute(sql`select set_config('role', ${current?.role ?? 'none'}, true)`);
    return id;
  }

  /** Runs the queue's job on a cron schedule (once per tick across all instances). */
  async schedule(name: QueueName, cron: string): Promise<void> {
    await this.#boss.schedule(name, cron);
  }

  /** Runs handler for the jobs of the queue in this process, as they come (see QueueWorker). */
  work(name: QueueName, handler: JobHandler, options: WorkOptions = {}): void {
    const worker = new QueueWorker(this.#boss, name, handler, this.#logger, options);
    this.#workers.push(worker);
    worker.start();
  }

  /** Runs the waiting jobs of a queue now, one by one (tests and the CLI). Returns how many ran. */
  async drain(name: QueueName, handler: JobHandler): Promise<number> {
    let ran = 0;
    for (;;) {
      const jobs = await this.#boss.fetch(name, { batchSize: 10, includeMetadata: true });
      if (!jobs?.length) return ran;
      for (const job of jobs) {
        try {
          await handler(job.data, { id: job.id, attempt: job.retryCount + 1 });
          await this.#boss.complete(name, job.id);
        } catch (error) {
          await this.#boss.fail(name, job.id, { message: String(error) });
        }
        ran += 1;
      }
    }
  }

  /** Jobs waiting (new or to be retried) and being worked on, per queue. */
  async figures(): Promise<JobQueueFigures[]> {
    return Promise.all(
      QUEUES.map(async (queue) => {
        const [waiting, notDone] = await Promise.all([
          this.#boss.getQueueSize(queue),
          this.#boss.getQueueSize(queue, { before: 'completed' }),
        ]);
        // Two reads, so a job may move between them: never below zero.
        return { queue, waiting, active: Math.max(0, notDone - waiting) };
      }),
    );
  }

  /**
   * Stops taking jobs and waits up to timeoutMs for the running ones; jobs still running then
   * are failed, to be retried by another instance. Resolves whether every running job finished
   * in time.
   */
  async stop(timeoutMs = 10_000): Promise<boolean> {
    if (!this.#started) return true;
    this.#started = false;
    const unfinished = await Promise.all(
      this.#workers.map(async (worker) => ({
        name: worker.name,
        ids: await worker.stop(timeoutMs),
      })),
    );
    for (const { name, ids } of unfinished) {
      for (const id of ids) {
        await this.#boss
          .fail(name, id, { message: 'The process stopped while the job ran' })
          .catch((error: Error) =>
            this.#logger.warn(
              { error: error.message, queue: name },
              'could not fail a stopped job',
            ),
          );
      }
    }
    await this.#boss.stop({ graceful: false, wait: true });
    return unfinished.every(({ ids }) => ids.length === 0);
  }
}

/** Finished jobs are kept a day for inspection, then deleted. */
const RETENTION = { archiveCompletedAfterSeconds: 3600, deleteAfterDays: 1 } as const;

/** pg-boss's own queue behind `schedule`: each cron tick becomes a job through it. */
const CRON_QUEUE = '__pgboss__send-it';

/**
 * Creates or upgrades pg-boss's schema and makes or updates the queues, as part of migrating,
 * and lets clientele_jobs work them. It runs as the login that owns the tables: the runtime
 * login may own nothing, and pg-boss makes each queue a table of its own. What pg-boss would
 * make on its own when first used (the cron queue) is made here for the same reason.
 */
export async function installJobQueue(connection: Connection): Promise<void> {
  const boss = new PgBoss({
    ...bossDatabase(connection, 'clientele-setup', 1),
    migrate: true,
    supervise: false,
    schedule: false,
  });
  // Failures reach the calls below as rejections; this only keeps a pool error from crashing.
  boss.on('error', () => {});
  await boss.start();
  try {
    for (const name of QUEUES) {
      const options = { name, ...QUEUE_OPTIONS[name] };
      if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
      else await boss.updateQueue(name, options);
    }
    if (!(await boss.getQueue(CRON_QUEUE))) await boss.createQueue(CRON_QUEUE);
    // Every table of the schema, partitions included, so upgrades of pg-boss are covered too.
    await boss.getDb().executeSql(
      `GRANT USAGE ON SCHEMA pgboss TO clientele_jobs;
       GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO clientele_jobs`,
      [],
    );
  } finally {
    await boss.stop({ graceful: false });
  }
}

/** pg-boss's connection: a pool of its own on PostgreSQL, the one PGlite client otherwise. */
function bossDatabase(connection: Connection, applicationName: string, max: number) {
  return connection.driver === 'pglite'
    ? { db: pgliteDb(connection) }
    : { connectionString: connection.sessionUrl, max, application_name: applicationName };
}

/** PGlite: parameterised statements through query, multi-statement scripts through exec. */
function pgliteDb(connection: Connection) {
  const client = connection.client as PGlite;
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values?.length)
        return { rows: (await client.query(text, values)).rows as Record<string, unknown>[] };
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
  };
}
