import type { BenchTenant } from '../seed';
import {
  comparisonResults,
  measureAcrossSizes,
  p95RatioMeasure,
  sizeComparisonTable,
  type SizedOperation,
} from './across-sizes';
import { atMost, measure, sizeLabel, type BenchContext, type CaseReport } from './case';
import { restGet } from './requests';

/** Search terms from rare to common, with the share of customers they match (see seed-rows.ts). */
export const searchTerms = (base: BenchTenant) => [
  { key: 'email', q: base.middleEmail, matches: '1 customer' },
  { key: 'misspelt', q: 'Kowalsky', matches: '1 in 38, through the vocabulary' },
  { key: 'last-name', q: 'Kowalski', matches: '1 in 38' },
  { key: 'company', q: 'Nakatomi', matches: '1 in 26' },
  { key: 'fragment', q: 'son', matches: '1 in 19: Johnson, Johansson' },
];

/**
 * Searches are a person typing, not an integration's loop: their latency is measured at this
 * rate (or --rate, if lower), which a busy team does not reach, rather than at the list's.
 */
const SEARCH_RATE = 25;

/**
 * REST list with `q`, in the smallest and the largest tenant. Targets: p95 in the largest ≤ 2×
 * p95 in the smallest, and p99 in the largest ≤ 50 ms.
 */
export async function searchCase(ctx: BenchContext): Promise<CaseReport> {
  const operations: SizedOperation[] = searchTerms(ctx.tenants[0]!).map((term) => ({
    key: term.key,
    name: `"${term.q}" (${term.matches})`,
    targetIn: (api, tenant) =>
      restGet(api, tenant, `/customers?limit=50&q=${encodeURIComponent(term.q)}`),
  }));
  const rate = Math.min(ctx.load.rate, SEARCH_RATE);
  const comparisons = await measureAcrossSizes({ ...ctx, load: { ...ctx.load, rate } }, operations);
  const largest = sizeLabel(ctx.tenants.at(-1)!.customers);
  return {
    name: 'search',
    title: `Search (REST list with q), ${ctx.tenants.map((tenant) => sizeLabel(tenant.customers)).join(' vs ')} customers`,
    description:
      'Substring match over name, e-mail and company when anything contains the term; ' +
      'otherwise the words of the organization within a typo or two of each word (the misspelt ' +
      'name), at most 10,000 customers examined a request; a whole e-mail address through its ' +
      `unique index. First page of 50, newest first. Latency open loop at ${rate} req/s.`,
    tables: [sizeComparisonTable(comparisons, 'q')],
    measures: comparisons.flatMap((comparison) => [
      p95RatioMeasure(ctx, 'search', comparison, 2),
      measure({
        case: 'search',
        key: `search.${comparison.operation.key}.p99`,
        label: `${comparison.operation.name}: p99 at ${largest}`,
        value: comparison.largest.p99Ms,
        unit: 'ms',
        target: atMost(50),
        ratio: false,
      }),
    ]),
    results: comparisonResults(comparisons),
  };
}
