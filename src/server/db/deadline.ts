import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from '@/server/errors';
import { processSingleton } from '@/server/runtime-global';

/**
 * When the work in progress (a request) must have its answer. PostgreSQL's statement timeout
 * is enforced by the server, so it cannot fire while the server is frozen or unreachable;
 * every wait on the database (for a connection, a statement, a commit) ends at the deadline
 * instead, in the application (see instrumented-client.ts).
 */
export class Deadline {
  readonly #at: number;
  readonly #signal: AbortSignal;

  constructor(ms: number) {
    this.#at = performance.now() + ms;
    this.#signal = AbortSignal.timeout(ms);
  }

  get passed(): boolean {
    return this.#signal.aborted || performance.now() >= this.#at;
  }

  /**
   * Settles as work does, or rejects with onExpiry() once the deadline passes first (work goes
   * on; its outcome is then nobody's answer).
   */
  race<T>(work: PromiseLike<T>, onExpiry: () => Error): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const expire = () => reject(onExpiry());
      if (this.passed) expire();
      else this.#signal.addEventListener('abort', expire, { once: true });
      work.then(
        (value) => {
          this.#signal.removeEventListener('abort', expire);
          resolve(value);
        },
        (error: unknown) => {
          this.#signal.removeEventListener('abort', expire);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }
}

// One store for the process: Next.js's bundle has its own copy of this module.
const deadlines = processSingleton('db.deadlines', () => new AsyncLocalStorage<Deadline>());

/** Runs fn with a deadline ms from now, which the database work it starts respects. */
export function withDeadline<T>(ms: number, fn: (deadline: Deadline) => T): T {
  const deadline = new Deadline(ms);
  return deadlines.run(deadline, () => fn(deadline));
}

/** The deadline of the work in progress, if it has one (requests do, background work not). */
export const currentDeadline = (): Deadline | undefined => deadlines.getStore();

export const databaseTimedOut = () =>
  new AppError('SERVICE_UNAVAILABLE', 'The database did not answer in time; try again shortly');

/** The deadline passed after COMMIT was sent: only the database knows whether it happened. */
export const commitUnconfirmed = () =>
  new AppError(
    'SERVICE_UNAVAILABLE',
    'The database did not confirm this change in time, so it may have been saved: retry with the same Idempotency-Key to apply it at most once',
  );

export const databaseQueueFull = () =>
  new AppError(
    'SERVICE_UNAVAILABLE',
    'Too many requests are waiting for the database; try again shortly',
  );
