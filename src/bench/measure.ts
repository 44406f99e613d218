import { closedLoop, median, openLoop, type Target } from './load';
import { cpuSecondsOf, peakRssMbOf, resetPeakRss, untilIdle } from './proc';

export interface LoadSettings {
  seconds: number;
  rounds: number;
  /** Operations in flight during the closed loop (throughput). */
  concurrency: number;
  /** Operations per second during the open loop (latency). */
  rate: number;
}

/** One way of serving something: the server process and what to send it. */
export interface Variant {
  name: string;
  pid: number;
  target: Target;
  /** Operations in flight during its closed loop, when not the load's. */
  concurrency?: number;
}

export interface Measurement {
  requestsPerSecond: number;
  cpuMicrosecondsPerRequest: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  peakRssMb: number;
  /** Operations of the open loops given up on (see openLoop): the percentiles are lower bounds. */
  unanswered: number;
}

/**
 * Measures the variants interleaved (A B A B …) for `rounds` rounds, so a disturbance on the
 * machine hits all of them alike, and returns per variant the medians over the rounds (the
 * maximum for the peak RSS). Any failed operation stops the bench: figures of errors mean nothing.
 */
export async function measureInterleaved(
  variants: Variant[],
  load: LoadSettings,
  log: (message: string) => void,
): Promise<Measurement[]> {
  for (const variant of variants) await warmUp(variant, load);
  const rounds = variants.map((): Measurement[] => []);
  for (let round = 1; round <= load.rounds; round++) {
    for (const [index, variant] of variants.entries()) {
      const measurement = await measureOnce(variant, load);
      rounds[index]!.push(measurement);
      const unanswered = measurement.unanswered > 0 ? `, ${measurement.unanswered} unanswered` : '';
      log(
        `  round ${round} ${variant.name}: ${measurement.requestsPerSecond.toFixed(0)} req/s, ` +
          `p95 ${measurement.p95Ms.toFixed(2)} ms${unanswered}`,
      );
    }
  }
  return rounds.map(summarise);
}

/**
 * Long enough for the server's hot path to be compiled by the JIT: after a second of load the
 * API still served under half of what it serves warm, and a round of cold code is not the
 * figure a running server gives.
 */
const WARM_UP_SECONDS = 4;

async function warmUp(variant: Variant, load: LoadSettings) {
  const result = await closedLoop(
    variant.target,
    variant.concurrency ?? load.concurrency,
    WARM_UP_SECONDS,
  );
  assertNoFailures(variant.name, result);
}

async function measureOnce(variant: Variant, load: LoadSettings): Promise<Measurement> {
  resetPeakRss(variant.pid);
  const cpuBefore = cpuSecondsOf(variant.pid);
  const closed = await closedLoop(
    variant.target,
    variant.concurrency ?? load.concurrency,
    load.seconds,
  );
  const cpuSeconds = cpuSecondsOf(variant.pid) - cpuBefore;
  assertNoFailures(variant.name, closed);
  const open = await openLoop(variant.target, load.rate, load.seconds);
  assertNoFailures(variant.name, open);
  const peakRssMb = peakRssMbOf(variant.pid);
  // What was given up on still runs on the server; it must not weigh on the next measurement.
  if (open.unanswered > 0) await untilIdle(variant.pid);
  return {
    requestsPerSecond: closed.operationsPerSecond,
    cpuMicrosecondsPerRequest: (cpuSeconds / closed.completed) * 1e6,
    p50Ms: open.p50,
    p95Ms: open.p95,
    p99Ms: open.p99,
    peakRssMb,
    unanswered: open.unanswered,
  };
}

export function assertNoFailures(
  name: string,
  result: { failed: number; firstFailure?: string },
): void {
  if (result.failed > 0) {
    throw new Error(`${name}: ${result.failed} failed operations, first: ${result.firstFailure}`);
  }
}

function summarise(rounds: Measurement[]): Measurement {
  const medianOf = (key: keyof Measurement) => median(rounds.map((round) => round[key]));
  const sumOf = (key: keyof Measurement) => rounds.reduce((sum, round) => sum + round[key], 0);
  return {
    requestsPerSecond: medianOf('requestsPerSecond'),
    cpuMicrosecondsPerRequest: medianOf('cpuMicrosecondsPerRequest'),
    p50Ms: medianOf('p50Ms'),
    p95Ms: medianOf('p95Ms'),
    p99Ms: medianOf('p99Ms'),
    peakRssMb: Math.max(...rounds.map((round) => round.peakRssMb)),
    unanswered: sumOf('unanswered'),
  };
}
