import { postTarget } from '../load';
import { measureInterleaved, type Variant } from '../measure';
import {
  atLeast,
  measure,
  measurementCells,
  MEASUREMENT_COLUMNS,
  type BenchContext,
  type CaseReport,
} from './case';
import { newCustomerBodies, REST, restHeaders } from './requests';

/**
 * POST /customers with a new e-mail address each time, into the writes tenant: the floor's bare
 * INSERT … RETURNING vs REST (validation, tenant transaction, audit row and its event); and REST
 * with one writer vs eight, all in that one organization, whose writes share its audit chain.
 * Targets: throughput ≥ 0.5× the floor's; eight writers ≥ 4× one.
 */
export async function createCase(ctx: BenchContext): Promise<CaseReport> {
  const [floor, api] = await Promise.all([ctx.floor(), ctx.api()]);
  const body = newCustomerBodies();
  const rest = postTarget(api.origin, `${REST}/customers`, restHeaders(ctx.writes), body);
  const variants: Variant[] = [
    {
      name: 'floor INSERT (node:http + postgres.js)',
      pid: floor.pid,
      target: postTarget(floor.origin, '/customers', {}, body),
    },
    { name: 'REST POST /api/v1/customers', pid: api.pid, target: rest },
    { name: 'REST, 1 writer', pid: api.pid, target: rest, concurrency: 1 },
    { name: 'REST, 8 writers', pid: api.pid, target: rest, concurrency: 8 },
  ];
  const [floorResult, restResult, oneWriter, eightWriters] = await measureInterleaved(
    variants,
    ctx.load,
    ctx.log,
  );
  const againstFloor = (result: typeof floorResult) => ({
    throughput: result!.requestsPerSecond / floorResult!.requestsPerSecond,
    cpu: result!.cpuMicrosecondsPerRequest / floorResult!.cpuMicrosecondsPerRequest,
  });
  const { throughput: throughputVsFloor, cpu: cpuVsFloor } = againstFloor(restResult);
  const writersScaling = eightWriters!.requestsPerSecond / oneWriter!.requestsPerSecond;
  return {
    name: 'create',
    title: 'Create a customer',
    description:
      'Each request creates a customer with a new e-mail address in a tenant kept for writes ' +
      '(set back to 2,000 customers at the start of each run), without Idempotency-Key. ' +
      `The floor and REST with ${ctx.load.concurrency} requests in flight; then REST with ` +
      'one and with eight, all in that organization.',
    tables: [
      {
        columns: ['variant', ...MEASUREMENT_COLUMNS, 'req/s × floor', 'CPU × floor'],
        rows: [floorResult, restResult, oneWriter, eightWriters].map((result, index) => [
          variants[index]!.name,
          ...measurementCells(result!),
          againstFloor(result).throughput.toFixed(2),
          againstFloor(result).cpu.toFixed(2),
        ]),
      },
    ],
    measures: [
      measure({
        case: 'create',
        key: 'create.rest.throughputVsFloor',
        label: 'REST create throughput × floor',
        value: throughputVsFloor,
        unit: '×',
        target: atLeast(0.5),
        ratio: true,
      }),
      measure({
        case: 'create',
        key: 'create.rest.eightWritersVsOne',
        label: 'REST create, 8 writers in one organization × 1 writer',
        value: writersScaling,
        unit: '×',
        target: atLeast(4),
        ratio: true,
      }),
    ],
    results: {
      floor: floorResult,
      rest: restResult,
      oneWriter,
      eightWriters,
      throughputVsFloor,
      cpuVsFloor,
      writersScaling,
    },
  };
}
