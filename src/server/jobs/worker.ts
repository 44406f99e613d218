import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';

export type JobHandler = (data: unknown, job: { id: string; attempt: number }) => Promise<void>;

export interface WorkOptions {
  /** Jobs of the queue this process runs at once. */
  concurrency?: number;
  /**
   * Jobs whose data has the same value in `field` (say, the endpoint a delivery goes to) run at
   * most `limit` at once in this process; the others are left in the queue for the time being.
   */
  perKey?: { field: string; limit: number };
  /** How soon a worker that found the queue empty looks again. */
  pollingIntervalSeconds?: number;
}

interface FetchedJob {
  id: string;
  data: unknown;
  retryCount: number;
}

/**
 * Takes up to $3 jobs that are due, in pg-boss's order, as pg-boss's fetch does, but at most as
 * many of one key ($2 names the field of their data) as this process has room for: $4 are the
 * keys it runs jobs of now, $5 the room each has left, $6 the room of any other key. pg-boss
 * offers no such limit; its job table is its own, and stable within a major version.
 */
const FETCH_JOBS = `
  WITH room AS (
    SELECT * FROM unnest($4::text[], $5::int[]) AS room(key, free)
  ), next AS (
    SELECT id, priority, created_on, coalesce(data ->> $2::text, '') AS key
    FROM pgboss.job
    WHERE name = $1 AND state < 'active' AND start_after < now()
      AND coalesce(data ->> $2::text, '') NOT IN (SELECT key FROM room WHERE free <= 0)
    ORDER BY priority DESC, created_on, id
    LIMIT $3::int
    FOR UPDATE SKIP LOCKED
  ), chosen AS (
    SELECT next.id, coalesce(room.free, $6::int) AS free,
      row_number() OVER (PARTITION BY next.key ORDER BY priority DESC, created_on, id) AS place
    FROM next LEFT JOIN room ON room.key = next.key
  )
  UPDATE pgboss.job j SET
    state = 'active',
    started_on = now(),
    retry_count = CASE WHEN j.started_on IS NOT NULL THEN j.retry_count + 1 ELSE j.retry_count END
  FROM chosen
  WHERE j.name = $1 AND j.id = chosen.id AND chosen.place <= chosen.free
  RETURNING j.id, j.data, j.retry_count AS "retryCount"`;

/**
 * Works one queue in this process: keeps up to `concurrency` jobs running and takes more as
 * soon as one finishes; when the queue has nothing due it looks again after the polling
 * interval. (pg-boss's own worker waits for a whole fetched batch, then for the polling
 * interval: one slow job holds up the rest, and a queue empties at a batch a second.)
 */
export class QueueWorker {
  readonly #boss: PgBoss;
  readonly name: string;
  readonly #handler: JobHandler;
  readonly #logger: Logger;
  readonly #concurrency: number;
  readonly #perKey: WorkOptions['perKey'];
  readonly #pollingMs: number;
  /** The jobs running now, each until its outcome is recorded. */
  readonly #running = new Map<string, Promise<void>>();
  /** How many jobs of each key are running now. */
  readonly #runningPerKey = new Map<string, number>();
  #stopping = false;
  /** Set when a job finishes, so that the loop looks for work again at once. */
  #nudged = false;
  #wake: (() => void) | undefined;
  #loop: Promise<void> | undefined;

  constructor(
    boss: PgBoss,
    name: string,
    handler: JobHandler,
    logger: Logger,
    options: WorkOptions = {},
  ) {
    this.#boss = boss;
    this.name = name;
    this.#handler = handler;
    this.#logger = logger;
    this.#concurrency = options.concurrency ?? 1;
    this.#perKey = options.perKey;
    this.#pollingMs = (options.pollingIntervalSeconds ?? 1) * 1000;
  }

  start(): void {
    this.#loop ??= this.#work();
  }

  /**
   * Takes no more jobs, and waits up to timeoutMs for the running ones. Resolves with the ids
   * of the jobs still running then.
   */
  async stop(timeoutMs: number): Promise<string[]> {
    this.#stopping = true;
    this.#wake?.();
    const finished = (async () => {
      await this.#loop;
      await Promise.allSettled(this.#running.values());
    })();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      finished,
      new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
    return [...this.#running.keys()];
  }

  async #work(): Promise<void> {
    while (!this.#stopping) {
      this.#nudged = false;
      const free = this.#concurrency - this.#running.size;
      if (free > 0) {
        const jobs = await this.#fetch(free);
        for (const job of jobs) this.#run(job);
        // There may be more: look again at once.
        if (jobs.length > 0) continue;
      }
      await this.#pause();
    }
  }

  async #fetch(count: number): Promise<FetchedJob[]> {
    const running = [...this.#runningPerKey];
    const limit = this.#perKey?.limit ?? count;
    try {
      const { rows } = await this.#boss
        .getDb()
        .executeSql(FETCH_JOBS, [
          this.name,
          this.#perKey?.field ?? null,
          count,
          running.map(([key]) => key),
          running.map(([, jobs]) => limit - jobs),
          limit,
        ]);
      return rows as FetchedJob[];
    } catch (error) {
      // pg's errors carry their whole client; the message and code are what tell.
      const { message, code } = error as Error & { code?: string };
      this.#logger.error({ error: message, code, queue: this.name }, 'could not fetch jobs');
      return [];
    }
  }

  #keyOf(job: FetchedJob): string | undefined {
    if (!this.#perKey) return undefined;
    const value = (job.data as Record<string, unknown> | null)?.[this.#perKey.field];
    return value === undefined || value === null ? '' : String(value);
  }

  #run(job: FetchedJob): void {
    const key = this.#keyOf(job);
    if (key !== undefined) this.#runningPerKey.set(key, (this.#runningPerKey.get(key) ?? 0) + 1);
    const done = this.#handle(job).finally(() => {
      this.#running.delete(job.id);
      if (key !== undefined) {
        const left = this.#runningPerKey.get(key)! - 1;
        if (left > 0) this.#runningPerKey.set(key, left);
        else this.#runningPerKey.delete(key);
      }
      this.#nudged = true;
      this.#wake?.();
    });
    this.#running.set(job.id, done);
  }

  /** Runs the job and records its outcome; never rejects. */
  async #handle(job: FetchedJob): Promise<void> {
    let failure: { message: string } | undefined;
    try {
      await this.#handler(job.data, { id: job.id, attempt: job.retryCount + 1 });
    } catch (error) {
      failure = { message: error instanceof Error ? error.message : String(error) };
      this.#logger.warn(
        { err: error, queue: this.name, jobId: job.id },
        'job failed; it will be retried',
      );
    }
    try {
      if (failure) await this.#boss.fail(this.name, job.id, failure);
      else await this.#boss.complete(this.name, job.id);
    } catch (error) {
      // The job stays active until it expires; then it is retried.
      const { message, code } = error as Error & { code?: string };
      this.#logger.error(
        { error: message, code, queue: this.name, jobId: job.id },
        'could not record how a job ended',
      );
    }
  }

  /** Waits for the polling interval, or less when a job finishes or the worker stops. */
  #pause(): Promise<void> {
    if (this.#nudged || this.#stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.#wake?.(), this.#pollingMs);
      this.#wake = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
    });
  }
}
