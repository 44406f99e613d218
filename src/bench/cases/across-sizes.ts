import type { Target } from '../load';
import { measureInterleaved, type Measurement } from '../measure';
import type { BenchTenant } from '../seed';
import type { RunningServer } from '../servers';
import {
  atMost,
  measure,
  measurementCells,
  MEASUREMENT_COLUMNS,
  sizeLabel,
  type BenchContext,
  type CaseName,
  type Measure,
  type Table,
} from './case';
import { fetchPage } from './requests';

/** Something a client does, the same way in a tenant of each size. */
export interface SizedOperation {
  /** Stable name, part of the baseline keys. */
  key: string;
  name: string;
  targetIn(api: RunningServer, tenant: BenchTenant): Target;
  /** Items the (last) request of the operation must answer, checked once per size. */
  expectedItems?: number;
}

export interface SizeComparison {
  operation: SizedOperation;
  bySize: { customers: number; measurement: Measurement }[];
  /** p95 in the largest tenant ÷ p95 in the base (smallest) tenant. */
  p95Ratio: number;
  largest: Measurement;
}

/** Each operation in turn, measured in every tenant size, interleaved round after round. */
export async function measureAcrossSizes(
  ctx: BenchContext,
  operations: SizedOperation[],
): Promise<SizeComparison[]> {
  const api = await ctx.api();
  const comparisons: SizeComparison[] = [];
  for (const operation of operations) {
    ctx.log(` ${operation.name}`);
    const variants = ctx.tenants.map((tenant) => ({
      name: `${sizeLabel(tenant.customers)} customers`,
      pid: api.pid,
      target: operation.targetIn(api, tenant),
    }));
    if (operation.expectedItems !== undefined) {
      for (const variant of variants) await expectItems(variant.target, operation.expectedItems);
    }
    const measurements = await measureInterleaved(variants, ctx.load, ctx.log);
    const base = measurements[0]!;
    const largest = measurements.at(-1)!;
    comparisons.push({
      operation,
      bySize: ctx.tenants.map((tenant, index) => ({
        customers: tenant.customers,
        measurement: measurements[index]!,
      })),
      p95Ratio: largest.p95Ms / base.p95Ms,
      largest,
    });
  }
  return comparisons;
}

async function expectItems(target: Target, expected: number) {
  const { path, items } = await fetchPage(target);
  if (items.length !== expected) {
    throw new Error(`${path} answered ${items.length} items instead of ${expected}`);
  }
}

export function sizeComparisonTable(comparisons: SizeComparison[], what: string): Table {
  return {
    columns: [what, 'customers', ...MEASUREMENT_COLUMNS, 'p95 × base'],
    rows: comparisons.flatMap(({ operation, bySize }) =>
      bySize.map(({ customers, measurement }) => [
        operation.name,
        sizeLabel(customers),
        ...measurementCells(measurement),
        (measurement.p95Ms / bySize[0]!.measurement.p95Ms).toFixed(2),
      ]),
    ),
  };
}

/** The figures for the JSON report. */
export const comparisonResults = (comparisons: SizeComparison[]) =>
  comparisons.map(({ operation, bySize, p95Ratio }) => ({
    key: operation.key,
    operation: operation.name,
    bySize,
    p95Ratio,
  }));

/** The target of a comparison: p95 in the largest tenant at most `limit` × p95 in the smallest. */
export function p95RatioMeasure(
  ctx: BenchContext,
  caseName: CaseName,
  { operation, p95Ratio }: SizeComparison,
  limit: number,
): Measure {
  const largest = sizeLabel(ctx.tenants.at(-1)!.customers);
  const base = sizeLabel(ctx.tenants[0]!.customers);
  return measure({
    case: caseName,
    key: `${caseName}.${operation.key}.p95Ratio`,
    label: `${operation.name}: p95 ${largest} ÷ ${base}`,
    value: p95Ratio,
    unit: '×',
    target: atMost(limit),
    ratio: true,
    ratioFloor: 1,
  });
}
