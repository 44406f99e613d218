import { Pool } from 'undici';

export interface Target {
  origin: string;
  path: string;
  headers: Record<string, string>;
}

async function hit(pool: Pool, target: Target): Promise<boolean> {
  const response = await pool.request({
    path: target.path,
    method: 'GET',
    headers: target.headers,
  });
  await response.body.text();
  return response.statusCode === 200;
}

/** Maximum throughput: `concurrency` requests always in flight for `seconds`. */
export async function closedLoop(target: Target, concurrency: number, seconds: number) {
  const pool = new Pool(target.origin, { connections: concurrency, pipelining: 1 });
  const deadline = performance.now() + seconds * 1000;
  let completed = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        if (await hit(pool, target).catch(() => false)) completed += 1;
        else failed += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  return { completed, failed, requestsPerSecond: completed / elapsed };
}

/**
 * Latency at a fixed request rate, open loop: requests are sent on schedule whether or not
 * earlier ones have answered, and each latency is measured from its scheduled time, so a
 * stalled server shows up in the percentiles instead of being hidden (coordinated omission).
 */
export async function openLoop(target: Target, rate: number, seconds: number) {
  const pool = new Pool(target.origin, { connections: 64, pipelining: 1 });
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let failed = 0;
  const start = performance.now() + 10;
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = start + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inflight.push(
      hit(pool, target).then(
        (ok) => {
          if (ok) latencies.push(performance.now() - scheduled);
          else failed += 1;
        },
        () => {
          failed += 1;
        },
      ),
    );
  }
  await Promise.all(inflight);
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), failed };
}

/** The middle value (the upper one of an even count), as the bench reports its rounds. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
