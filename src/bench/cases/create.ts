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
 * INSERT … RETURNING vs REST (validation, tenant transaction, audit row and its event).
 * Target: throughput ≥ 0.5× the floor's.
 */
export async function createCase(ctx: BenchContext): Promise<CaseReport> {
  const [floor, api] = await Promise.all([ctx.floor(), ctx.api()]);
  const body = newCustomerBodies();
  const variants: Variant[] = [
    {
      name: 'floor INSERT (node:http + postgres.js)',
      pid: floor.pid,
      target: postTarget(floor.origin, '/customers', {}, body),
    },
    {
      name: 'REST POST /api/v1/customers',
      pid: api.pid,
      target: postTarget(api.origin, `${REST}/customers`, restHeaders(ctx.writes), body),
    },
  ];
  const [floorResult, rest] = await measureInterleaved(variants, ctx.load, ctx.log);
  const throughputVsFloor = rest!.requestsPerSecond / floorResult!.requestsPerSecond;
  const cpuVsFloor = rest!.cpuMicrosecondsPerRequest / floorResult!.cpuMicrosecondsPerRequest;
  return {
    name: 'create',
    title: 'Create a customer',
    description:
      'Each request creates a customer with a new e-mail address in a tenant kept for writes ' +
      '(emptied at the start of each run), without Idempotency-Key.',
    tables: [
      {
        columns: ['variant', ...MEASUREMENT_COLUMNS, 'req/s × floor', 'CPU × floor'],
        rows: [
          [variants[0]!.name, ...measurementCells(floorResult!), '1.00', '1.00'],
          [
            variants[1]!.name,
            ...measurementCells(rest!),
            throughputVsFloor.toFixed(2),
            cpuVsFloor.toFixed(2),
          ],
        ],
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
    ],
    results: { floor: floorResult, rest, throughputVsFloor, cpuVsFloor },
  };
}
