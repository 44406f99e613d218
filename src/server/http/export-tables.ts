import type { z } from 'zod';
import { auditListInput } from '@/schemas/audit';
import { companyListInput } from '@/schemas/companies';
import { customerFilterInput } from '@/schemas/customers';
import { dealListInput } from '@/schemas/deals';
import type { Permission } from '@/schemas/permissions';
import { listAuditLogs } from '@/server/db/repositories/audit-logs';
import { listCompanies } from '@/server/db/repositories/companies';
import { customersAfter } from '@/server/db/repositories/customers';
import { listDeals } from '@/server/db/repositories/deal-lists';
import type { PostalAddress } from '@/server/db/schema';
import type { TenantTx } from '@/server/db/types';

/** Rows read per page of a download: each page is its own short read-only transaction. */
const PAGE = 1_000;
/** Lists whose pages are capped at 100 by their input. */
const LIST_PAGE = 100;

type Cell = string | number | null | undefined;

/** One kind of CSV download: who may take it, its filters, its columns and how to page it. */
export interface ExportTable<Filters, Row> {
  /** The file's name starts with it. */
  name: string;
  permission: Permission;
  /** The audit row's action once the download is complete. */
  action: string;
  filters: z.ZodType<Filters>;
  /** Query parameters that may repeat (e.g. ?status=lead&status=active). */
  listParameters: string[];
  columns: string[];
  cells(row: Row): Cell[];
  page(
    tx: TenantTx,
    filters: Filters,
    cursor: string | undefined,
  ): Promise<{ items: Row[]; nextCursor: string | null }>;
}

const iso = (time: Date | null | undefined) => time?.toISOString() ?? null;

/** A value as a cell: a time in ISO 8601, tags joined by ";", structured data as JSON. */
function cellOf(value: unknown): Cell {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.join(';');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value as Cell;
}

const ADDRESS_COLUMNS = ['addressLine1', 'addressLine2', 'city', 'region', 'postalCode', 'country'];
const addressCells = (address: PostalAddress | null | undefined): Cell[] => [
  address?.line1,
  address?.line2,
  address?.city,
  address?.region,
  address?.postalCode,
  address?.country,
];

/**
 * A download whose columns are fields of its rows, in order: each field is a column of its
 * name, but an `address`, which is six (line 1 to country).
 */
const table = <Filters, Row>({
  fields,
  ...definition
}: Omit<ExportTable<Filters, Row>, 'columns' | 'cells'> & {
  fields: (keyof Row & string)[];
}): ExportTable<Filters, Row> => ({
  ...definition,
  columns: fields.flatMap((field) => (field === 'address' ? ADDRESS_COLUMNS : [field])),
  cells: (row) =>
    fields.flatMap((field) =>
      field === 'address' ? addressCells(row[field] as PostalAddress | null) : [cellOf(row[field])],
    ),
});

type RowOf<List extends (...args: never[]) => Promise<{ items: unknown[] }>> = Awaited<
  ReturnType<List>
>['items'][number];

const customers = table<z.output<typeof customerFilterInput>, RowOf<typeof customerPage>>({
  name: 'customers',
  permission: 'data:export',
  action: 'customers.exported',
  filters: customerFilterInput,
  listParameters: ['status'],
  // prettier-ignore
  fields: ['id', 'email', 'firstName', 'lastName', 'company', 'phone', 'status', 'tags', 'ownerId', 'address', 'createdAt', 'updatedAt'],
  page: customerPage,
});

/** Customers in creation order, keyset on (createdAt, id) carried as "<time>|<id>". */
async function customerPage(
  tx: TenantTx,
  filters: z.output<typeof customerFilterInput>,
  cursor: string | undefined,
) {
  const [createdAt, id] = cursor?.split('|') ?? [];
  const after = createdAt && id ? { createdAt: new Date(createdAt), id } : null;
  const items = await customersAfter(tx, filters, after, PAGE);
  const last = items.at(-1);
  return {
    items,
    nextCursor: items.length === PAGE && last ? `${iso(last.createdAt)}|${last.id}` : null,
  };
}

const companyFilters = companyListInput.omit({ cursor: true, limit: true });
type CompanyFilters = z.output<typeof companyFilters>;
const dealFilters = dealListInput.omit({ cursor: true, limit: true });
type DealFilters = z.output<typeof dealFilters>;
const auditFilters = auditListInput.omit({ cursor: true, limit: true });
type AuditFilters = z.output<typeof auditFilters>;

const companies = table<CompanyFilters, RowOf<typeof listCompanies>>({
  name: 'companies',
  permission: 'data:export',
  action: 'companies.exported',
  filters: companyFilters,
  listParameters: [],
  // prettier-ignore
  fields: ['id', 'name', 'domain', 'industry', 'size', 'website', 'phone', 'tags', 'ownerId', 'address', 'createdAt', 'updatedAt'],
  page: (tx, filters, cursor) => listCompanies(tx, { ...filters, limit: LIST_PAGE, cursor }),
});

const deals = table<DealFilters, RowOf<typeof listDeals>>({
  name: 'deals',
  permission: 'data:export',
  action: 'deals.exported',
  filters: dealFilters,
  listParameters: ['status'],
  // prettier-ignore
  fields: ['id', 'title', 'pipelineId', 'stageId', 'status', 'amountCents', 'currency', 'expectedCloseDate', 'ownerId', 'companyId', 'lostReason', 'closedAt', 'createdAt', 'updatedAt'],
  page: (tx, filters, cursor) => listDeals(tx, { ...filters, limit: LIST_PAGE, cursor }),
});

const audit = table<AuditFilters, RowOf<typeof listAuditLogs>>({
  name: 'audit',
  permission: 'audit:read',
  action: 'audit.exported',
  filters: auditFilters,
  listParameters: [],
  // prettier-ignore
  fields: ['sequence', 'createdAt', 'action', 'entityType', 'entityId', 'actorType', 'actorId', 'actorName', 'ipAddress', 'userAgent', 'requestId', 'changes'],
  page: (tx, filters, cursor) => listAuditLogs(tx, { ...filters, limit: LIST_PAGE, cursor }),
});

/** The downloads under /api/exports/, by file name. */
export const EXPORT_TABLES: Record<string, ExportTable<unknown, unknown> | undefined> = {
  'customers.csv': customers,
  'companies.csv': companies,
  'deals.csv': deals,
  'audit.csv': audit,
};
