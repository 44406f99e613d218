import { sql, type SQL } from 'drizzle-orm';
import type { TenantTx } from '@/server/db/types';
import {
  COMPANIES,
  FIRST_NAMES,
  INTERACTION_SUBJECTS,
  LAST_NAMES,
  PRODUCTS,
  TAGS,
} from '@/server/domain/demo-data';

/**
 * The rows of a bench tenant, a pure function of each customer's number i (1…N), written with
 * set-based SQL one range of i at a time. Customer i has:
 * - a first name by i % 40 and a last name by (i / 40) % 38 (of demo-data.ts), the e-mail
 *   `<first name>.<last name><i>@example.com` in lower case, a company by 7i % 26, the status
 *   `lead|active|inactive|churned` and the tag `vip` (about 1 in 10) drawn from hashes of i, so
 *   that they are independent of the name and of each other as in real data (`status=active&tag=vip`
 *   matches about 1 in 40, spread evenly through any sort), and a creation time 30 s before
 *   customer i - 1's;
 * - i % 5 interactions (2 on average), except every customer with i % 1000 = 500, who has
 *   exactly TIMELINE_LENGTH;
 * - when i is even, one order (number 1000 + i) of 1 + i % 3 lines;
 * - a company: the tenant's company named by its `company` text, except customers i ≤
 *   BIG_COMPANY_PEOPLE, who work for one company of their own (BIG_COMPANY_NAME), so that a
 *   company of exactly that many people is the same size in every tenant; they keep their
 *   `company` text, which the search case counts on (see seedCompanies);
 * - one deal of its company and with it as its person, in stage i % 6 of the default pipeline,
 *   of (1 + i % 100) × 1,000 minor units in USD, or EUR when i % 4 = 0.
 */
export const TIMELINE_LENGTH = 20;
export const TIMELINE_EVERY = 1000;
export const TIMELINE_OFFSET = 500;
export const BIG_COMPANY_PEOPLE = 5000;
export const BIG_COMPANY_NAME = 'Bench Five Thousand';

/** Customer numbers from…to, both included. */
export interface Range {
  from: number;
  to: number;
}

const ANCHOR = sql`timestamptz '2026-01-01T00:00:00Z'`;
const createdAt = sql`${ANCHOR} - i * interval '30 seconds'`;

const textArray = (values: readonly string[]): SQL =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

const bigintArray = (values: readonly number[]): SQL =>
  sql.raw(`array[${values.map((value) => Math.trunc(value)).join(', ')}]::bigint[]`);

/** A UUID (v4-shaped) made from the tenant, the kind of row and i: rows refer to each other by it. */
const seededId = (
  organizationId: string,
  kind: 'customer' | 'order' | 'company' | 'deal',
  i: SQL = sql`i`,
): SQL =>
  sql`overlay(overlay(md5(${`${organizationId}/${kind}/`}::text || ${i}) placing '4' from 13) placing '8' from 17)::uuid`;

/** The ids of the tenant's customers with these numbers, as a list for `in (…)`. */
export const seededCustomerIds = (organizationId: string, numbers: number[]): SQL =>
  sql.join(
    numbers.map((i) => seededId(organizationId, 'customer', sql`${i}::int`)),
    sql`, `,
  );

const firstName = sql`(${textArray(FIRST_NAMES)})[1 + i % ${FIRST_NAMES.length}]`;
const lastName = sql`(${textArray(LAST_NAMES)})[1 + (i / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}]`;

/** The id of the big company: number 0 among the tenant's companies (the others are 1…26). */
export const bigCompanyId = (organizationId: string): SQL =>
  seededId(organizationId, 'company', sql`0::int`);

/** The company of customer i (1-based number among COMPANIES, or 0 for the big one). */
const companyNumber = sql`case when i <= ${BIG_COMPANY_PEOPLE} then 0 else 1 + (i * 7) % ${COMPANIES.length} end`;

/** The tenant's companies: one per name of COMPANIES, and the big one; kept when there. */
export async function seedCompanies(tx: TenantTx, ownerId: string): Promise<void> {
  const names = [BIG_COMPANY_NAME, ...COMPANIES];
  await tx.execute(sql`
    insert into companies (id, organization_id, name, owner_id, created_at, updated_at)
    select ${seededId(tx.organizationId, 'company', sql`n`)}, ${tx.organizationId}::uuid,
           (${textArray(names)})[1 + n], ${ownerId}::uuid, ${ANCHOR}, ${ANCHOR}
    from generate_series(0, ${COMPANIES.length}::int) as n
    on conflict (id) do nothing`);
}

/** Inserts customers from…to of the tenant with their interactions, orders and deals. */
export async function insertSeededRange(
  tx: TenantTx,
  ownerId: string,
  range: Range,
  stageIds: string[],
): Promise<void> {
  await tx.execute(customersOf(tx.organizationId, ownerId, range));
  await tx.execute(dealsOf(tx.organizationId, ownerId, range, stageIds));
  await tx.execute(dealCustomersOf(tx.organizationId, range));
  await tx.execute(interactionsOf(tx.organizationId, ownerId, range));
  await tx.execute(ordersOf(tx.organizationId, range));
  await tx.execute(orderLinesOf(tx.organizationId, range));
  await tx.execute(sql`
    insert into order_numbers (organization_id, last_number) values (${tx.organizationId}, ${1000 + range.to})
    on conflict (organization_id)
    do update set last_number = greatest(order_numbers.last_number, excluded.last_number)`);
}

const numbers = ({ from, to }: Range) => sql`generate_series(${from}::int, ${to}::int) as i`;

function customersOf(organizationId: string, ownerId: string, range: Range) {
  const otherTags = TAGS.filter((tag) => tag !== 'vip');
  return sql`
    insert into customers (id, organization_id, first_name, last_name, email, company, company_id,
                           phone, status, tags, owner_id, created_at, updated_at)
    select ${seededId(organizationId, 'customer')},
           ${organizationId}::uuid,
           ${firstName},
           ${lastName},
           lower(${firstName} || '.' || ${lastName}) || i || '@example.com',
           (${textArray(COMPANIES)})[1 + (i * 7) % ${COMPANIES.length}],
           ${seededId(organizationId, 'company', companyNumber)},
           '+1 555 ' || lpad((i % 10000)::text, 4, '0'),
           (array['lead', 'active', 'inactive', 'churned'])[1 + (hashint4(i)::bigint & 3)]::customer_status,
           case when (hashint4(-i)::bigint & 1023) < 102 then array['vip'] else '{}'::text[] end
             || case when i % 3 = 0 then array[(${textArray(otherTags)})[1 + (i / 3) % ${otherTags.length}]] else '{}'::text[] end,
           ${ownerId}::uuid,
           ${createdAt},
           ${createdAt} + (i % 1000) * interval '1 minute'
    from ${numbers(range)}`;
}

function interactionsOf(organizationId: string, ownerId: string, range: Range) {
  const types = Object.keys(INTERACTION_SUBJECTS);
  // Four subjects per type, in the order of the types.
  const subjects = Object.values(INTERACTION_SUBJECTS).flat();
  return sql`
    insert into customer_interactions (organization_id, customer_id, author_id, type, subject,
                                       content, occurred_at, created_at, updated_at)
    select ${organizationId}::uuid,
           ${seededId(organizationId, 'customer')},
           ${ownerId}::uuid,
           (${textArray(types)})[1 + k % 4]::interaction_type,
           (${textArray(subjects)})[1 + (k % 4) * 4 + i % 4],
           'Interaction ' || k || ' with customer ' || i,
           ${createdAt} + k * interval '1 day',
           ${createdAt} + k * interval '1 day',
           ${createdAt} + k * interval '1 day'
    from ${numbers(range)}
    cross join lateral generate_series(
      1,
      case when i % ${TIMELINE_EVERY} = ${TIMELINE_OFFSET} then ${TIMELINE_LENGTH} else i % 5 end
    ) as k`;
}

/** Line p (0-based) of order i: product, quantity and price, as SQL over i and p. */
const line = {
  description: sql`(${textArray(PRODUCTS.map((product) => product.description))})[1 + (i + p) % ${PRODUCTS.length}]`,
  quantity: sql`(1 + (i + p) % 3)`,
  unitPrice: sql`(${bigintArray(PRODUCTS.map((product) => product.unitPriceCents))})[1 + (i + p) % ${PRODUCTS.length}]`,
};
const linePositions = sql`generate_series(0, i % 3) as p`;

function ordersOf(organizationId: string, range: Range) {
  const status = sql`(array['draft', 'placed', 'paid', 'fulfilled', 'cancelled'])[1 + (i / 2) % 5]`;
  const placedAt = sql`${createdAt} + interval '1 hour'`;
  return sql`
    insert into orders (id, organization_id, customer_id, number, status, currency, total_cents,
                        placed_at, paid_at, fulfilled_at, cancelled_at, created_at, updated_at)
    select ${seededId(organizationId, 'order')},
           ${organizationId}::uuid,
           ${seededId(organizationId, 'customer')},
           1000 + i,
           ${status}::order_status,
           case when i % 4 = 0 then 'EUR' else 'USD' end,
           (select sum(${line.quantity} * ${line.unitPrice}) from ${linePositions}),
           case when ${status} <> 'draft' then ${placedAt} end,
           case when ${status} in ('paid', 'fulfilled') then ${placedAt} + interval '1 day' end,
           case when ${status} = 'fulfilled' then ${placedAt} + interval '3 days' end,
           case when ${status} = 'cancelled' then ${placedAt} + interval '2 days' end,
           ${createdAt},
           ${placedAt} + interval '3 days'
    from ${numbers(range)}
    where i % 2 = 0`;
}

function orderLinesOf(organizationId: string, range: Range) {
  return sql`
    insert into order_lines (organization_id, order_id, position, description, quantity,
                             unit_price_cents, total_cents)
    select ${organizationId}::uuid,
           ${seededId(organizationId, 'order')},
           p,
           ${line.description},
           ${line.quantity},
           ${line.unitPrice},
           ${line.quantity} * ${line.unitPrice}
    from ${numbers(range)}
    cross join lateral ${linePositions}
    where i % 2 = 0`;
}

/**
 * One deal per customer. The deals_stage_status trigger sets pipeline, status and closing time
 * from the stage, and the deal_stage_totals trigger counts each row.
 */
function dealsOf(organizationId: string, ownerId: string, range: Range, stageIds: string[]) {
  return sql`
    insert into deals (id, organization_id, title, pipeline_id, stage_id, amount_cents, currency,
                       owner_id, company_id, created_at, updated_at)
    select ${seededId(organizationId, 'deal')},
           ${organizationId}::uuid,
           'Deal ' || i,
           (select pipeline_id from pipeline_stages where id = ${stageIds[0]}::uuid),
           (${textArray(stageIds)}::uuid[])[1 + i % ${stageIds.length}],
           (1 + i % 100) * 1000,
           case when i % 4 = 0 then 'EUR' else 'USD' end,
           ${ownerId}::uuid,
           ${seededId(organizationId, 'company', companyNumber)},
           ${createdAt},
           ${createdAt}
    from ${numbers(range)}`;
}

function dealCustomersOf(organizationId: string, range: Range) {
  return sql`
    insert into deal_customers (organization_id, deal_id, customer_id)
    select ${organizationId}::uuid, ${seededId(organizationId, 'deal')},
           ${seededId(organizationId, 'customer')}
    from ${numbers(range)}`;
}
