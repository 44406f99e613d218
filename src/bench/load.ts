import { Pool } from 'undici';

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * What a client does once, against one server: the requests it sends one after the other
 * (usually one; a page that needs two calls makes both). Made anew for every operation, so
 * bodies and paths may differ from one to the next.
 */
export interface Target {
  origin: string;
  operation: () => HttpRequest[];
}

export const getTarget = (
  origin: string,
  path: string,
  headers: Record<string, string> = {},
): Target => ({ origin, operation: () => [{ method: 'GET', path, headers }] });

/** A POST of a JSON body that `body` makes anew for each request. */
export const postTarget = (
  origin: string,
  path: string,
  headers: Record<string, string>,
  body: () => unknown,
): Target => ({
  origin,
  operation: () => [
    {
      method: 'POST',
      path,
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body()),
    },
  ],
});

/** Sends the operation's requests in turn; undefined when all answered 2xx, else what failed. */
async function perform(pool: Pool, target: Target): Promise<string | undefined> {
  for (const request of target.operation()) {
    try {
      const response = await pool.request(request);
      const text = await response.body.text();
      if (response.statusCode < 200 || response.statusCode > 299) {
        return `${request.method} ${request.path} → ${response.statusCode} ${text.slice(0, 200)}`;
      }
    } catch (error) {
      return `${request.method} ${request.path} → ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return undefined;
}

/** Operations that failed, and the first failure in words (to say why). */
class Failures {
  count = 0;
  first: string | undefined;

  record(failure: string) {
    this.count += 1;
    this.first ??= failure;
  }
}

export interface ClosedLoopResult {
  completed: number;
  failed: number;
  firstFailure?: string;
  operationsPerSecond: number;
}

/** Maximum throughput: `concurrency` operations always in flight for `seconds`. */
export async function closedLoop(
  target: Target,
  concurrency: number,
  seconds: number,
): Promise<ClosedLoopResult> {
  const pool = new Pool(target.origin, { connections: concurrency, pipelining: 1 });
  const failures = new Failures();
  let completed = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const failure = await perform(pool, target);
        if (failure) failures.record(failure);
        else completed += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  return {
    completed,
    failed: failures.count,
    firstFailure: failures.first,
    operationsPerSecond: completed / elapsed,
  };
}

export interface OpenLoopResult {
  completed: number;
  failed: number;
  firstFailure?: string;
  /**
   * Operations given up on, unanswered long after the schedule ended (the server could not
   * keep up with the rate). Their latency counts as the time they had waited, so the
   * percentiles are then lower bounds.
   */
  unanswered: number;
  p50: number;
  p95: number;
  p99: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Latency at a fixed rate, open loop: operations start on schedule whether or not earlier ones
 * have answered, and each latency is measured from its scheduled time, so a stalled server
 * shows up in the percentiles instead of being hidden (coordinated omission). What is still
 * unanswered `drainSeconds` after the schedule ends is given up on, so that an overloaded
 * server cannot stretch a measurement without end.
 */
export async function openLoop(
  target: Target,
  rate: number,
  seconds: number,
  drainSeconds = Math.min(10, Math.max(2, seconds)),
): Promise<OpenLoopResult> {
  const pool = new Pool(target.origin, { connections: 64, pipelining: 1 });
  let givenUp = false;
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies: number[] = [];
  const failures = new Failures();
  let unanswered = 0;
  const start = performance.now() + 10;
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = start + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await sleep(wait);
    inflight.push(
      perform(pool, target).then((failure) => {
        if (!failure) {
          latencies.push(performance.now() - scheduled);
        } else if (givenUp) {
          unanswered += 1;
          latencies.push(performance.now() - scheduled);
        } else {
          failures.record(failure);
        }
      }),
    );
  }
  const allAnswered = Promise.all(inflight);
  let drainTimer: NodeJS.Timeout | undefined;
  const drained = await Promise.race([
    allAnswered.then(() => true),
    new Promise<false>((resolve) => {
      drainTimer = setTimeout(() => resolve(false), drainSeconds * 1000);
    }),
  ]);
  clearTimeout(drainTimer);
  if (drained) {
    await pool.close();
  } else {
    givenUp = true;
    await pool.destroy();
    await allAnswered;
  }
  return {
    completed: latencies.length - unanswered,
    failed: failures.count,
    firstFailure: failures.first,
    unanswered,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
  };
}

export function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? NaN;
}

/** The middle value (the upper one of an even count), as the bench reports its rounds. */
export function median(values: number[]): number {
  return percentile(values, 0.5);
}
