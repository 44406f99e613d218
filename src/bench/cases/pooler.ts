import { measureInterleaved, type Variant } from '../measure';
import { pgbouncerInstalled, startPgBouncer, type PgBouncer } from '../pgbouncer';
import { apiServerEnv, startServer, stopServer, type RunningServer } from '../servers';
import {
  atLeast,
  measure,
  measurementCells,
  MEASUREMENT_COLUMNS,
  sizeLabel,
  type BenchContext,
  type CaseReport,
} from './case';
import { fetchPage, restGet } from './requests';

const LIST = '/customers?limit=50';

/**
 * The REST list with named prepared statements (the default), with DATABASE_POOLER=transaction
 * on the same direct connection (unnamed statements: postgres.js then asks the server for each
 * statement's parameter types before running it, a round trip more), and that setting through
 * PgBouncer in transaction mode when it is installed. Guards: each at least half the default.
 */
export async function poolerCase(ctx: BenchContext): Promise<CaseReport> {
  const tenant = ctx.tenants[0]!;
  const databaseUrl = ctx.database.databaseUrl!;
  const pooledEnv = (url: string) => ({
    ...apiServerEnv(ctx.database),
    DATABASE_URL: url,
    DATABASE_POOLER: 'transaction',
    DATABASE_DIRECT_URL: databaseUrl,
  });
  const named = await ctx.api();
  const started: RunningServer[] = [];
  let bouncer: PgBouncer | undefined;
  try {
    const unnamed = await startServer('clientele-api.ts', pooledEnv(databaseUrl));
    started.push(unnamed);
    // Each variant after the first is measured against it, under the baseline key it names.
    const variants: (Variant & { key?: string })[] = [
      { name: 'named prepared statements', pid: named.pid, target: restGet(named, tenant, LIST) },
      {
        key: 'unnamedVsNamed',
        name: 'DATABASE_POOLER=transaction (unnamed), direct',
        pid: unnamed.pid,
        target: restGet(unnamed, tenant, LIST),
      },
    ];
    if (pgbouncerInstalled()) {
      bouncer = await startPgBouncer(databaseUrl, [new URL(databaseUrl).username], 10);
      const pooled = await startServer('clientele-api.ts', pooledEnv(bouncer.through(databaseUrl)));
      started.push(pooled);
      variants.push({
        key: 'pgbouncerVsNamed',
        name: 'DATABASE_POOLER=transaction, through PgBouncer',
        pid: pooled.pid,
        target: restGet(pooled, tenant, LIST),
      });
    } else {
      ctx.log('pooler: PgBouncer is not installed; measuring the setting without it');
    }
    for (const variant of variants) await fetchPage(variant.target);
    const [base, ...others] = await measureInterleaved(variants, ctx.load, ctx.log);
    const results = [base!, ...others].map((result, index) => ({
      variant: variants[index]!.name,
      key: variants[index]!.key,
      ...result,
      vsNamed: result.requestsPerSecond / base!.requestsPerSecond,
    }));
    return {
      name: 'pooler',
      title: `customers.list over REST, first page of 50, ${sizeLabel(tenant.customers)} customers, by connection setting`,
      description:
        'The same API with named prepared statements, with them off as behind a transaction ' +
        'pooler, and behind PgBouncer 1.18 in transaction mode.',
      tables: [
        {
          columns: ['variant', 'req/s', '× named', ...MEASUREMENT_COLUMNS.slice(1)],
          rows: results.map((result) => {
            const [rps, ...rest] = measurementCells(result);
            return [result.variant, rps!, result.vsNamed.toFixed(2), ...rest];
          }),
        },
      ],
      measures: results.slice(1).map((result) =>
        measure({
          case: 'pooler',
          key: `pooler.${result.key}`,
          label: `REST list, ${result.variant}, throughput × named`,
          value: result.vsNamed,
          unit: '×',
          target: atLeast(0.5),
          ratio: true,
        }),
      ),
      results,
    };
  } finally {
    await Promise.all(started.map(stopServer));
    await bouncer?.stop();
  }
}
