import type { z } from 'zod';
import { dateParam } from '@/lib/date-range';
import { parseMoney } from '@/lib/money';
import { uuidParam } from '@/lib/url-params';
import { DEAL_STATUSES, type DealStatus, type dealListInput } from '@/schemas/deals';

export const DEALS_PAGE_SIZE = 25;

/** The deals page shows the board unless the URL asks for the list (`?view=list`). */
export type DealsViewMode = 'board' | 'list';

export const dealsViewMode = (value: string | null | undefined): DealsViewMode =>
  value === 'list' ? 'list' : 'board';

/** Amount filters are typed in major units; cents for currencies that have them. */
const AMOUNT_CURRENCY = 'USD';

/** The filters of the deals list, as they are kept in the URL. */
export interface DealFilters {
  pipelineId?: string;
  stageId?: string;
  status: DealStatus[];
  ownerId?: string;
  /** Expected close days, YYYY-MM-DD, both included. */
  closeFrom?: string;
  closeTo?: string;
  /** Amounts as typed ("1000", "99.50"). */
  minAmount?: string;
  maxAmount?: string;
}

type SearchParamsLike = Pick<URLSearchParams, 'get' | 'getAll'>;

function amountParam(value: string | null): string | undefined {
  if (!value) return undefined;
  return parseMoney(value, AMOUNT_CURRENCY).minorUnits === undefined ? undefined : value.trim();
}

/** The filters in a URL; unknown statuses, malformed ids, dates and amounts are ignored. */
export function dealFiltersFrom(params: SearchParamsLike): DealFilters {
  const chosen = new Set(params.getAll('status'));
  return {
    pipelineId: uuidParam(params.get('pipeline')),
    stageId: uuidParam(params.get('stage')),
    status: DEAL_STATUSES.filter((status) => chosen.has(status)),
    ownerId: uuidParam(params.get('owner')),
    closeFrom: dateParam(params.get('closeFrom')),
    closeTo: dateParam(params.get('closeTo')),
    minAmount: amountParam(params.get('minAmount')),
    maxAmount: amountParam(params.get('maxAmount')),
  };
}

/** The search params the list's filters are kept in (the pipeline belongs to the page). */
export const DEAL_FILTER_KEYS = [
  'stage',
  'status',
  'owner',
  'closeFrom',
  'closeTo',
  'minAmount',
  'maxAmount',
];

export const hasDealFilters = (filters: DealFilters) =>
  filters.status.length > 0 ||
  Boolean(
    filters.stageId ||
    filters.ownerId ||
    filters.closeFrom ||
    filters.closeTo ||
    filters.minAmount ||
    filters.maxAmount,
  );

const minorUnits = (amount: string | undefined) =>
  amount === undefined ? undefined : parseMoney(amount, AMOUNT_CURRENCY).minorUnits;

/** The list query for the filters, newest first. */
export function dealListParams(filters: DealFilters): z.input<typeof dealListInput> {
  const min = minorUnits(filters.minAmount);
  const max = minorUnits(filters.maxAmount);
  return {
    limit: DEALS_PAGE_SIZE,
    ...(filters.pipelineId ? { pipelineId: filters.pipelineId } : {}),
    ...(filters.stageId ? { stageId: filters.stageId } : {}),
    ...(filters.status.length > 0 ? { status: filters.status } : {}),
    ...(filters.ownerId ? { ownerId: filters.ownerId } : {}),
    ...(filters.closeFrom ? { closeFrom: filters.closeFrom } : {}),
    ...(filters.closeTo ? { closeTo: filters.closeTo } : {}),
    ...(min !== undefined ? { minAmount: min } : {}),
    ...(max !== undefined ? { maxAmount: max } : {}),
  };
}

/**
 * The deals page's query of a URL's params, what is unknown or malformed left out: board or
 * list, the pipeline and the list's filters. What a saved view of it keeps.
 */
export function dealViewQuery(params: URLSearchParams): string {
  const filters = dealFiltersFrom(params);
  const query = new URLSearchParams();
  if (dealsViewMode(params.get('view')) === 'list') query.set('view', 'list');
  if (filters.pipelineId) query.set('pipeline', filters.pipelineId);
  if (filters.stageId) query.set('stage', filters.stageId);
  for (const status of filters.status) query.append('status', status);
  if (filters.ownerId) query.set('owner', filters.ownerId);
  if (filters.closeFrom) query.set('closeFrom', filters.closeFrom);
  if (filters.closeTo) query.set('closeTo', filters.closeTo);
  if (filters.minAmount) query.set('minAmount', filters.minAmount);
  if (filters.maxAmount) query.set('maxAmount', filters.maxAmount);
  return query.toString();
}
