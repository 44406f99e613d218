import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { JobQueueFigures } from '@/server/observability/metrics';
import { withAdvisoryLock } from '@/server/db/advisory-lock';
import type { Connection } from '@/server/db/connection';
import { rows } from '@/server/db/migrate';
import type { Transaction } from '@/server/db/types';
import { MAIL_SEND_TIMEOUT_MS } from '@/server/mail/transport';
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
  maintenance: { retryLimit: 0 },
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
  readonly #connection: Connection;
  readonly #logger: Logger;
  #started = false;
  readonly #workers: QueueWorker[] = [];

  /** `maintenance: false` skips pg-boss's background upkeep (tests, one-off CLI runs). */
  constructor(connection: Connection, logger: Logger, options: { maintenance?: boolean } = {}) {
    this.#logger = logger;
    this.#connection = connection;
    const upkeep =
      options.maintenance === false
        ? { supervise: false, schedule: false }
        : { maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS };
    this.#boss =
      connection.driver === 'pglite'
        ? new PgBoss({ db: pgliteDb(connection), ...RETENTION, ...upkeep })
        : new PgBoss({
            connectionString: connection.databaseUrl,
            max: 3,
            application_name: 'clientele-jobs',
            ...RETENTION,
            ...upkeep,
          });
    // Through the err serializer: pg's errors carry their whole client, and the job's data.
    this.#boss.on('error', (error: Error) => logger.error({ err: error }, 'job queue error'));
  }

  /** Creates pg-boss's schema and the queues. Needed before jobs can be created. */
  async start(): Promise<void> {
    if (this.#started) return;
    await this.#boss.start();
    // Instances starting at once would deadlock creating the same queues: one at a time.
    await withAdvisoryLock(this.#connection, QUEUE_SETUP_LOCK, async () => {
      for (const name of QUEUES) {
        if (!(await this.#boss.getQueue(name))) {
          await this.#boss.createQueue(name, { name, ...QUEUE_OPTIONS[name] });
        } else {
          await this.#boss.updateQueue(name, { name, ...QUEUE_OPTIONS[name] });
        }
      }
    });
    this.#started = true;
  }

  /**
   * Creates a job in tx. pg-boss's tables belong to the login role, not to the tenant or
   * identity role the transaction runs as, so the role is lifted for this one statement.
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

const QUEUE_SETUP_LOCK = 7_204_212;

/** Finished jobs are kept a day for inspection, then deleted. */
const RETENTION = { archiveCompletedAfterSeconds: 3600, deleteAfterDays: 1 } as const;

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
