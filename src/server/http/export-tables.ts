import type { z } from 'zod';
import { auditListInput } from '@/schemas/audit';
import { companyListInput } from '@/schemas/companies';
import { customerFilterInput } from '@/schemas/customers';
import { dealListInput } from '@/schemas/deals';
import { ORDER_STATUS_LABELS, orderListInput } from '@/schemas/orders';
import type { Permission } from '@/schemas/permissions';
import { listAuditLogs } from '@/server/db/repositories/audit-logs';
import { companyNamesById, listCompanies } from '@/server/db/repositories/companies';
import { customersAfter } from '@/server/db/repositories/customers';
import { listDeals } from '@/server/db/repositories/deal-lists';
import { listMembers } from '@/server/db/repositories/members';
import { listOrders } from '@/server/db/repositories/orders';
import { listPipelines } from '@/server/db/repositories/pipelines';
import { minorUnitsInput } from '@/lib/money';
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

/** The columns of a postal address, as people name them. */
const ADDRESS_HEADERS = [
  'Address line 1',
  'Address line 2',
  'City',
  'Region',
  'Postal code',
  'Country',
];

/**
 * A download for people: each column named as the app names it ("First name", "Owner",
 * "Created"), with a cell from each row.
 */
const humanTable = <Filters, Row>({
  columns,
  ...definition
}: Omit<ExportTable<Filters, Row>, 'columns' | 'cells'> & {
  columns: [header: string | string[], cells: (row: Row) => Cell | Cell[]][];
}): ExportTable<Filters, Row> => ({
  ...definition,
  columns: columns.flatMap(([header]) => header),
  cells: (row) => columns.flatMap(([, cells]) => cells(row)),
});

/** The members' names by user id (a member without a name by e-mail address). */
async function memberNames(tx: TenantTx) {
  const members = await listMembers(tx);
  return new Map(members.map((member) => [member.userId, member.name || member.email]));
}

/** A page's rows, each with its owner's name. */
async function withOwnerNames<Row extends { ownerId: string | null }>(tx: TenantTx, rows: Row[]) {
  const names = rows.some((row) => row.ownerId) ? await memberNames(tx) : new Map<string, string>();
  return rows.map((row) => ({
    ...row,
    ownerName: row.ownerId ? (names.get(row.ownerId) ?? null) : null,
  }));
}

const customers = humanTable<z.output<typeof customerFilterInput>, RowOf<typeof customerPage>>({
  name: 'customers',
  permission: 'data:export',
  action: 'customers.exported',
  filters: customerFilterInput,
  listParameters: ['status'],
  columns: [
    ['ID', (row) => row.id],
    ['Email', (row) => row.email],
    ['First name', (row) => row.firstName],
    ['Last name', (row) => row.lastName],
    ['Company', (row) => row.company],
    ['Phone', (row) => row.phone],
    ['Status', (row) => row.status],
    ['Tags', (row) => cellOf(row.tags)],
    ['Owner', (row) => row.ownerName],
    [ADDRESS_HEADERS, (row) => addressCells(row.address)],
    ['Created', (row) => iso(row.createdAt)],
    ['Updated', (row) => iso(row.updatedAt)],
  ],
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
    items: await withOwnerNames(tx, items),
    nextCursor: items.length === PAGE && last ? `${iso(last.createdAt)}|${last.id}` : null,
  };
}

const companyFilters = companyListInput.omit({ cursor: true, limit: true });
type CompanyFilters = z.output<typeof companyFilters>;
const dealFilters = dealListInput.omit({ cursor: true, limit: true });
type DealFilters = z.output<typeof dealFilters>;
const orderFilters = orderListInput.omit({ cursor: true, limit: true });
type OrderFilters = z.output<typeof orderFilters>;
const auditFilters = auditListInput.omit({ cursor: true, limit: true });
type AuditFilters = z.output<typeof auditFilters>;

async function companyPage(tx: TenantTx, filters: CompanyFilters, cursor: string | undefined) {
  const page = await listCompanies(tx, { ...filters, limit: LIST_PAGE, cursor });
  return { ...page, items: await withOwnerNames(tx, page.items) };
}

const companies = humanTable<CompanyFilters, RowOf<typeof companyPage>>({
  name: 'companies',
  permission: 'data:export',
  action: 'companies.exported',
  filters: companyFilters,
  listParameters: [],
  columns: [
    ['ID', (row) => row.id],
    ['Name', (row) => row.name],
    ['Domain', (row) => row.domain],
    ['Industry', (row) => row.industry],
    ['Size', (row) => row.size],
    ['Website', (row) => row.website],
    ['Phone', (row) => row.phone],
    ['Tags', (row) => cellOf(row.tags)],
    ['Owner', (row) => row.ownerName],
    [ADDRESS_HEADERS, (row) => addressCells(row.address)],
    ['Created', (row) => iso(row.createdAt)],
    ['Updated', (row) => iso(row.updatedAt)],
  ],
  page: companyPage,
});

/** A page of deals, each with the names of its owner, pipeline, stage and company. */
async function dealPage(tx: TenantTx, filters: DealFilters, cursor: string | undefined) {
  const page = await listDeals(tx, { ...filters, limit: LIST_PAGE, cursor });
  const pipelines = await listPipelines(tx);
  const pipelineNames = new Map(pipelines.map((pipeline) => [pipeline.id, pipeline.name]));
  const stageNames = new Map(
    pipelines.flatMap((pipeline) => pipeline.stages.map((stage) => [stage.id, stage.name])),
  );
  const companyNames = await companyNamesById(tx, [
    ...new Set(page.items.flatMap((deal) => deal.companyId ?? [])),
  ]);
  const items = (await withOwnerNames(tx, page.items)).map((deal) => ({
    ...deal,
    pipelineName: pipelineNames.get(deal.pipelineId) ?? null,
    stageName: stageNames.get(deal.stageId) ?? null,
    companyName: deal.companyId ? (companyNames.get(deal.companyId) ?? null) : null,
  }));
  return { ...page, items };
}

const deals = humanTable<DealFilters, RowOf<typeof dealPage>>({
  name: 'deals',
  permission: 'data:export',
  action: 'deals.exported',
  filters: dealFilters,
  listParameters: ['status'],
  columns: [
    ['ID', (row) => row.id],
    ['Title', (row) => row.title],
    ['Pipeline', (row) => row.pipelineName],
    ['Stage', (row) => row.stageName],
    ['Status', (row) => row.status],
    // In the currency's units (12500.00), as the import reads amounts back.
    ['Amount', (row) => minorUnitsInput(row.amountCents, row.currency)],
    ['Currency', (row) => row.currency],
    ['Expected close date', (row) => row.expectedCloseDate],
    ['Owner', (row) => row.ownerName],
    ['Company', (row) => row.companyName],
    ['Lost reason', (row) => row.lostReason],
    ['Closed', (row) => iso(row.closedAt)],
    ['Created', (row) => iso(row.createdAt)],
    ['Updated', (row) => iso(row.updatedAt)],
  ],
  page: dealPage,
});

/**
 * The orders the list shows (same filters, newest first): the customer by name, the status as
 * the pages say it, the total as an amount.
 */
const orders = humanTable<OrderFilters, RowOf<typeof listOrders>>({
  name: 'orders',
  permission: 'data:export',
  action: 'orders.exported',
  filters: orderFilters,
  listParameters: ['status'],
  columns: [
    ['Number', (row) => row.number],
    [
      'Customer',
      (row) => (row.customerId ? row.customerName || 'Unnamed customer' : 'Erased customer'),
    ],
    ['Status', (row) => ORDER_STATUS_LABELS[row.status]],
    ['Total', (row) => minorUnitsInput(row.totalCents, row.currency)],
    ['Currency', (row) => row.currency],
    ['Lines', (row) => row.lines.length],
    ['Created', (row) => iso(row.createdAt)],
    ['Placed', (row) => iso(row.placedAt)],
    ['Paid', (row) => iso(row.paidAt)],
    ['Fulfilled', (row) => iso(row.fulfilledAt)],
    ['Cancelled', (row) => iso(row.cancelledAt)],
    ['Order ID', (row) => row.id],
    ['Customer ID', (row) => row.customerId],
  ],
  page: (tx, filters, cursor) => listOrders(tx, { ...filters, limit: LIST_PAGE, cursor }),
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
  'orders.csv': orders,
};
