import { getTarget } from '../load';
import { measureInterleaved, type Variant } from '../measure';
import {
  atLeast,
  atMost,
  measure,
  ratioTable,
  sizeLabel,
  type BenchContext,
  type CaseReport,
} from './case';
import { fetchPage, restGet, trpcGet } from './requests';

/**
 * customers.list, first page of 50, three ways: the floor (node:http + postgres.js, same SQL),
 * REST and tRPC. Targets: throughput ≥ 0.5× the floor's, CPU per request ≤ 2× the floor's.
 */
export async function listCase(ctx: BenchContext): Promise<CaseReport> {
  const tenant = ctx.tenants[0]!;
  const [floor, api] = await Promise.all([ctx.floor(), ctx.api()]);
  const variants: Variant[] = [
    {
      name: 'floor (node:http + postgres.js)',
      pid: floor.pid,
      target: getTarget(floor.origin, '/customers?limit=50'),
    },
    {
      name: 'REST GET /api/v1/customers',
      pid: api.pid,
      target: restGet(api, tenant, '/customers?limit=50'),
    },
    {
      name: 'tRPC customers.list',
      pid: api.pid,
      target: trpcGet(api, tenant, 'customers.list', { limit: 50 }),
    },
  ];
  // The floor reads past row-level security only as a superuser; connected as the tables'
  // owner it would see no rows and measure nothing, so both plain-JSON variants must fill a page.
  for (const variant of variants.slice(0, 2)) {
    const { path, items } = await fetchPage(variant.target);
    if (items.length !== 50) {
      throw new Error(
        `${path} answered ${items.length} customers instead of 50 (run the bench as a superuser)`,
      );
    }
  }
  const [floorResult, ...doors] = await measureInterleaved(variants, ctx.load, ctx.log);
  const throughputVsFloor = (rps: number) => rps / floorResult!.requestsPerSecond;
  const cpuVsFloor = (cpu: number) => cpu / floorResult!.cpuMicrosecondsPerRequest;
  const results = [floorResult!, ...doors].map((result, index) => ({
    variant: variants[index]!.name,
    ...result,
    throughputVsFloor: throughputVsFloor(result.requestsPerSecond),
    cpuVsFloor: cpuVsFloor(result.cpuMicrosecondsPerRequest),
  }));

  const door = (key: string, label: string, index: number) => [
    measure({
      case: 'list',
      key: `list.${key}.throughputVsFloor`,
      label: `${label} throughput × floor`,
      value: results[index]!.throughputVsFloor,
      unit: '×',
      target: atLeast(0.5),
      ratio: true,
    }),
    measure({
      case: 'list',
      key: `list.${key}.cpuVsFloor`,
      label: `${label} CPU per request × floor`,
      value: results[index]!.cpuVsFloor,
      unit: '×',
      target: atMost(2),
      ratio: true,
    }),
  ];

  return {
    name: 'list',
    title: `customers.list, first page of 50, ${sizeLabel(tenant.customers)} customers`,
    description:
      'The floor runs the same SQL with node:http and postgres.js and nothing else; the API ' +
      'adds authentication, rate limits, the tenant transaction with row-level security, ' +
      'validation, superjson (tRPC) and a log line per request.',
    tables: [
      ratioTable(
        results.map((result) => ({
          ...result,
          throughputRatio: result.throughputVsFloor,
          cpuRatio: result.cpuVsFloor,
        })),
        'floor',
      ),
    ],
    measures: [...door('rest', 'REST', 1), ...door('trpc', 'tRPC', 2)],
    results,
  };
}
