import type { z } from 'zod';
import type { auditListInput } from '@/schemas/audit';
import { dateParam, localDay } from '@/lib/date-range';
import { uuidParam } from '@/lib/url-params';

export const AUDIT_PAGE_SIZE = 50;

/** The entity types a filter may pick, as the server records them. */
export const AUDIT_ENTITY_TYPES = [
  'customer',
  'interaction',
  'order',
  'membership',
  'invitation',
  'api_key',
  'organization',
  'customer_import',
  'company_import',
  'deal_import',
  'export',
] as const;

/** The filters of the audit trail, as they are kept in the URL (dates as YYYY-MM-DD). */
export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const AUDIT_FILTER_KEYS = ['entityType', 'entityId', 'actorId', 'action', 'from', 'to'];

type AuditListParams = Omit<z.input<typeof auditListInput>, 'cursor'>;
type SearchParamsLike = Pick<URLSearchParams, 'get'>;

const ENTITY_TYPE = /^[a-z_]{1,50}$/;

/** The filters in a URL; malformed values are ignored rather than sent. */
export function auditFiltersFrom(params: SearchParamsLike): AuditFilters {
  const entityType = params.get('entityType')?.trim();
  const action = params.get('action')?.trim().slice(0, 100);
  return {
    entityType: entityType && ENTITY_TYPE.test(entityType) ? entityType : undefined,
    entityId: uuidParam(params.get('entityId')),
    actorId: uuidParam(params.get('actorId')),
    action: action || undefined,
    from: dateParam(params.get('from')),
    to: dateParam(params.get('to')),
  };
}

export const hasAuditFilters = (filters: AuditFilters) =>
  AUDIT_FILTER_KEYS.some((key) => filters[key as keyof AuditFilters] !== undefined);

/**
 * The list query for the filters. Dates are days in the browser's time zone; "To" includes its
 * day, so the (exclusive) bound sent is the midnight after it.
 */
export function auditListParams(filters: AuditFilters): AuditListParams {
  return {
    limit: AUDIT_PAGE_SIZE,
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from ? { from: localDay(filters.from, 0) } : {}),
    ...(filters.to ? { to: localDay(filters.to, 1) } : {}),
  };
}

/** The CSV download of what the filters show, with the same bounds as the list. */
export function auditExportHref(filters: AuditFilters): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(auditListParams(filters))) {
    if (key === 'limit' || value === undefined) continue;
    query.set(key, value instanceof Date ? value.toISOString() : String(value));
  }
  return `/api/exports/audit.csv?${query.toString()}`;
}
