import { median, type Target } from '../load';
import { measureInterleaved } from '../measure';
import { apiServerEnv, startServer, stopServer, type RunningServer } from '../servers';
import {
  atMost,
  measure,
  measurementCells,
  MEASUREMENT_COLUMNS,
  sizeLabel,
  type BenchContext,
  type CaseReport,
} from './case';
import { fetchPage, restGet } from './requests';

const COLD_STARTS = 3;
const LIST = '/customers?limit=50';

/** Asks until the list answers (the server listens before its first request succeeds). */
async function firstPage(target: Target): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fetchPage(target);
      return;
    } catch (error) {
      if (attempt >= 400) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** Seconds from spawning the API on the PGlite directory to its first page of customers. */
async function coldStart(ctx: BenchContext, dir: string) {
  const started = performance.now();
  const server = await startServer('clientele-api.ts', apiServerEnv({ pgliteDir: dir }));
  await firstPage(restGet(server, ctx.pglite!.tenant, LIST));
  return { server, seconds: (performance.now() - started) / 1000 };
}

/**
 * The API on the embedded PGlite database (no DATABASE_URL) vs on PostgreSQL, first page of the
 * REST list in the base tenant. Targets: p95 ≤ 3× PostgreSQL's; cold start ≤ 5 s (median).
 */
/**
 * PGlite serves one instance on one machine (a laptop, a small team), one query at a time: its
 * latency is compared with PostgreSQL's at this rate (or --rate, if lower), not at one it
 * cannot sustain, where both would only measure the queue.
 */
const PGLITE_RATE = 50;

export async function pgliteCase(ctx: BenchContext): Promise<CaseReport> {
  const rate = Math.min(ctx.load.rate, PGLITE_RATE);
  const { dir, tenant } = ctx.pglite!;
  const coldStarts: number[] = [];
  let pglite: RunningServer | undefined;
  try {
    for (let start = 1; start <= COLD_STARTS; start++) {
      if (pglite) await stopServer(pglite);
      const started = await coldStart(ctx, dir);
      pglite = started.server;
      coldStarts.push(started.seconds);
      ctx.log(`  cold start ${start}: ${started.seconds.toFixed(2)} s`);
    }
    const postgresApi = await ctx.api();
    const [onPostgres, onPglite] = await measureInterleaved(
      [
        {
          name: 'REST on PostgreSQL',
          pid: postgresApi.pid,
          target: restGet(postgresApi, ctx.tenants[0]!, LIST),
        },
        { name: 'REST on PGlite', pid: pglite!.pid, target: restGet(pglite!, tenant, LIST) },
      ],
      { ...ctx.load, rate },
      ctx.log,
    );
    const p95Ratio = onPglite!.p95Ms / onPostgres!.p95Ms;
    const coldStartSeconds = median(coldStarts);
    return {
      name: 'pglite',
      title: `Embedded PGlite vs PostgreSQL, REST list, ${sizeLabel(tenant.customers)} customers`,
      description:
        `Cold start: from spawning the API on the existing PGlite directory to its first page ` +
        `of customers, median of ${COLD_STARTS} starts (${coldStarts.map((s) => s.toFixed(2)).join(', ')} s). ` +
        `Latency open loop at ${rate} req/s.`,
      tables: [
        {
          columns: ['database', ...MEASUREMENT_COLUMNS, 'p95 × PostgreSQL', 'cold start s'],
          rows: [
            ['PostgreSQL', ...measurementCells(onPostgres!), '1.00', ''],
            [
              'PGlite',
              ...measurementCells(onPglite!),
              p95Ratio.toFixed(2),
              coldStartSeconds.toFixed(2),
            ],
          ],
        },
      ],
      measures: [
        measure({
          case: 'pglite',
          key: 'pglite.p95VsPostgres',
          label: 'PGlite p95 × PostgreSQL',
          value: p95Ratio,
          unit: '×',
          target: atMost(3),
          ratio: true,
        }),
        measure({
          case: 'pglite',
          key: 'pglite.coldStart',
          label: 'PGlite cold start (median)',
          value: coldStartSeconds,
          unit: 's',
          target: atMost(5),
          ratio: false,
        }),
      ],
      results: { onPostgres, onPglite, p95Ratio, coldStarts, coldStartSeconds },
    };
  } finally {
    if (pglite) await stopServer(pglite);
  }
}
