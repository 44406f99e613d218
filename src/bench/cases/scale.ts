import { encodeCursor } from '@/server/db/repositories/cursor';
import { BIG_COMPANY_PEOPLE, TIMELINE_LENGTH } from '../seed-rows';
import type { BenchTenant } from '../seed';
import {
  comparisonResults,
  measureAcrossSizes,
  p95RatioMeasure,
  sizeComparisonTable,
  type SizedOperation,
} from './across-sizes';
import { sizeLabel, type BenchContext, type CaseReport } from './case';
import { restGet, restSequence, rotation, trpcGet } from './requests';

/** The cursor of the page after the row at position N/2 of the default sort. */
const middleCursor = (tenant: BenchTenant) =>
  encodeURIComponent(
    encodeCursor({
      sort: 'createdAt',
      order: 'desc',
      value: tenant.middleRow.createdAt.toISOString(),
      id: tenant.middleRow.id,
    }),
  );

const OPERATIONS: SizedOperation[] = [
  {
    key: 'first-page',
    name: 'first page',
    targetIn: (api, tenant) => restGet(api, tenant, '/customers?limit=50'),
    expectedItems: 50,
  },
  {
    key: 'deep-page',
    name: 'keyset page after row N/2',
    targetIn: (api, tenant) =>
      restGet(api, tenant, `/customers?limit=50&cursor=${middleCursor(tenant)}`),
    expectedItems: 50,
  },
  {
    key: 'customer-timeline',
    name: `customer + its ${TIMELINE_LENGTH} interactions (2 requests)`,
    targetIn: (api, tenant) => {
      const nextId = rotation(tenant.timelineCustomerIds);
      return restSequence(api, tenant, () => {
        const id = nextId();
        return [`/customers/${id}`, `/customers/${id}/interactions?limit=${TIMELINE_LENGTH}`];
      });
    },
    expectedItems: TIMELINE_LENGTH,
  },
  {
    key: 'filter-sort',
    name: 'status=active, tag=vip, by name',
    targetIn: (api, tenant) =>
      restGet(api, tenant, '/customers?limit=50&status=active&tag=vip&sort=name&order=asc'),
    expectedItems: 50,
  },
  {
    key: 'deal-board',
    name: 'deal board, one deal per customer (tRPC)',
    targetIn: (api, tenant) => trpcGet(api, tenant, 'deals.board', {}),
  },
  {
    key: 'company-people',
    name: `company page: first 50 of its ${BIG_COMPANY_PEOPLE.toLocaleString('en')} people`,
    targetIn: (api, tenant) =>
      restGet(api, tenant, `/companies/${tenant.bigCompanyId}/customers?limit=50`),
    expectedItems: 50,
  },
  {
    key: 'company-timeline',
    name: 'company page: timeline of its people (tRPC)',
    targetIn: (api, tenant) =>
      trpcGet(api, tenant, 'companies.timeline', { id: tenant.bigCompanyId }),
  },
  {
    key: 'company-revenue',
    name: 'company page: revenue of its people (tRPC)',
    targetIn: (api, tenant) =>
      trpcGet(api, tenant, 'companies.revenue', { id: tenant.bigCompanyId }),
  },
];

/**
 * The same reads in the smallest and the largest tenant, which share their tables: the
 * work of a request should depend on the page, not on the size of the tenant. Target: p95 in
 * the largest ≤ 1.2× p95 in the smallest.
 */
export async function scaleCase(ctx: BenchContext): Promise<CaseReport> {
  const comparisons = await measureAcrossSizes(ctx, OPERATIONS);
  return {
    name: 'scale',
    title: `Reads, ${ctx.tenants.map((tenant) => sizeLabel(tenant.customers)).join(' vs ')} customers`,
    description:
      'The deep page starts after the row at position N/2 of the default sort (createdAt desc). ' +
      'The customer page is the two calls a client makes: the customer, then its timeline. ' +
      `The deal board reads the kept per-stage totals and each stage's newest deals; the company ` +
      `is one of ${BIG_COMPANY_PEOPLE.toLocaleString('en')} people in every tenant.`,
    tables: [sizeComparisonTable(comparisons, 'operation')],
    measures: comparisons.map((comparison) => p95RatioMeasure(ctx, 'scale', comparison, 1.2)),
    results: comparisonResults(comparisons),
  };
}
