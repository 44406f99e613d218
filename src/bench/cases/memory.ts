import { median, openLoop, postTarget, type HttpRequest, type Target } from '../load';
import { assertNoFailures } from '../measure';
import { peakRssMbOf, rssMbOf } from '../proc';
import type { BenchTenant, TenantCredentials } from '../seed';
import { apiServerEnv, startServer, stopServer, type RunningServer } from '../servers';
import {
  atMost,
  latencyCell,
  measure,
  sizeLabel,
  type BenchContext,
  type CaseReport,
} from './case';
import { newCustomerBodies, REST, restHeaders, rotation } from './requests';
import { searchTerms } from './search';

const STEADY_RSS_MB = 300;
const GROWTH_MB = 10;

/** In every 10 operations: 4 lists, 3 gets, 2 searches, 1 create. */
function mixTarget(server: RunningServer, base: BenchTenant, writes: TenantCredentials): Target {
  const read = (path: string): HttpRequest => ({
    method: 'GET',
    path: `${REST}${path}`,
    headers: restHeaders(base),
  });
  const nextId = rotation(base.sampleCustomerIds);
  // The searches people make most; the rare and misspelt ones have their own case.
  const typical = searchTerms(base).filter((term) =>
    ['last-name', 'company', 'fragment'].includes(term.key),
  );
  const nextTerm = rotation(typical.map((term) => term.q));
  const create = postTarget(
    server.origin,
    `${REST}/customers`,
    restHeaders(writes),
    newCustomerBodies(),
  );
  const list = () => read('/customers?limit=50');
  const get = () => read(`/customers/${nextId()}`);
  const search = () => read(`/customers?limit=50&q=${encodeURIComponent(nextTerm())}`);
  const add = () => create.operation()[0]!;
  const nextKind = rotation([list, get, list, search, get, list, add, get, search, list]);
  return { origin: server.origin, operation: () => [nextKind()()] };
}

interface RssSample {
  seconds: number;
  rssMb: number;
}

/**
 * Warm-up is the first fifth of the soak; growth compares the median of the last minute with
 * that of the first minute after warm-up (shorter windows when the soak is short).
 */
function summariseRss(samples: RssSample[], soakSeconds: number) {
  const warmUp = soakSeconds / 5;
  const window = Math.min(60, (soakSeconds - warmUp) / 3);
  const rssBetween = (from: number, to: number) =>
    samples.filter((s) => s.seconds >= from && s.seconds < to).map((s) => s.rssMb);
  const steady = median(rssBetween(warmUp, soakSeconds));
  const first = median(rssBetween(warmUp, warmUp + window));
  const last = median(rssBetween(soakSeconds - window, soakSeconds));
  return { warmUp, window, steady, first, last, growthMb: last - first };
}

/** The mix at the rate for the soak, the server's RSS sampled `every` seconds. */
async function soak(ctx: BenchContext, server: RunningServer, base: BenchTenant) {
  const every = Math.min(5, Math.max(1, ctx.soakSeconds / 60));
  const samples: RssSample[] = [];
  const started = performance.now();
  const sampler = setInterval(() => {
    samples.push({ seconds: (performance.now() - started) / 1000, rssMb: rssMbOf(server.pid) });
  }, every * 1000);
  ctx.log(`  soaking for ${ctx.soakSeconds} s at ${ctx.load.rate} req/s`);
  const mix = mixTarget(server, base, ctx.writes);
  const load = await openLoop(mix, ctx.load.rate, ctx.soakSeconds);
  clearInterval(sampler);
  assertNoFailures('memory mix', load);
  return { every, samples, load };
}

/**
 * A fresh API server under a steady open-loop mix (list, get, search, create) for the soak,
 * its RSS sampled every few seconds. Targets: steady RSS ≤ 300 MB; growth ≤ 10 MB.
 */
export async function memoryCase(ctx: BenchContext): Promise<CaseReport> {
  const base = ctx.tenants[0]!;
  const server = await startServer('clientele-api.ts', apiServerEnv(ctx.database));
  try {
    const { every, samples, load } = await soak(ctx, server, base);
    const rss = summariseRss(samples, ctx.soakSeconds);
    const growthPercent = (rss.growthMb / rss.first) * 100;
    const peak = peakRssMbOf(server.pid);
    return {
      name: 'memory',
      title: `Memory under a steady mix for ${ctx.soakSeconds} s`,
      description:
        `A fresh API server on PostgreSQL, ${ctx.load.rate} req/s open loop of 4 lists, 3 gets, ` +
        `2 searches and 1 create in 10 (reads in the ${sizeLabel(base.customers)} tenant); RSS every ` +
        `${every.toFixed(1)} s. Warm-up: the first ${rss.warmUp.toFixed(0)} s; growth: median of the ` +
        `last ${rss.window.toFixed(0)} s − median of the first ${rss.window.toFixed(0)} s after warm-up.`,
      tables: [
        {
          columns: [
            'steady RSS MB',
            'growth MB',
            'growth %',
            'peak RSS MB',
            'p50 ms',
            'p95 ms',
            'p99 ms',
            'answered',
            'unanswered',
          ],
          rows: [
            [
              rss.steady.toFixed(0),
              rss.growthMb.toFixed(1),
              growthPercent.toFixed(1),
              peak.toFixed(0),
              latencyCell(load.p50, load.unanswered),
              latencyCell(load.p95, load.unanswered),
              latencyCell(load.p99, load.unanswered),
              String(load.completed),
              String(load.unanswered),
            ],
          ],
        },
      ],
      measures: [
        measure({
          case: 'memory',
          key: 'memory.steadyRss',
          label: 'steady RSS',
          value: rss.steady,
          unit: 'MB',
          target: atMost(STEADY_RSS_MB),
          ratio: false,
        }),
        measure({
          case: 'memory',
          key: 'memory.growth',
          label: `RSS growth (${growthPercent.toFixed(1)} %)`,
          value: rss.growthMb,
          unit: 'MB',
          target: atMost(GROWTH_MB),
          ratio: false,
        }),
      ],
      results: { ...rss, growthPercent, peakRssMb: peak, latency: load, samples },
    };
  } finally {
    await stopServer(server);
  }
}
