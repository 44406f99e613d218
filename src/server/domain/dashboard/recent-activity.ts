import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { RecentActivityEntry } from '@/schemas/dashboard';
import {
  apiKeys,
  auditLogs,
  companies,
  customerInteractions,
  customers,
  deals,
  orders,
  tasks,
  users,
} from '@/server/db/schema';
import { auditActorJoins, auditEntryColumns } from '@/server/db/repositories/audit-logs';
import { rows } from '@/server/db/rows';
import type { TenantTx } from '@/server/db/types';

/** The kinds of change the dashboard tells about. */
const TOLD_ENTITY_TYPES = [
  'customer',
  'company',
  'deal',
  'interaction',
  'order',
  'task',
  'customer_import',
  'company_import',
  'deal_import',
];

const personName = (table: { firstName: AnyPgColumn; lastName: AnyPgColumn }) =>
  sql<string | null>`nullif(concat_ws(' ', ${table.firstName}, nullif(${table.lastName}, '')), '')`;

/** An audit row's entity is the row of `id`'s table, of that type. */
const isEntity = (entityType: string, id: AnyPgColumn) =>
  and(eq(auditLogs.entityType, entityType), eq(id, auditLogs.entityId));

/**
 * The latest changes with who made them, each naming its record as it is now (joined in the
 * same query): null once the record is gone or deleted.
 */
async function latestChanges(tx: TenantTx, limit: number): Promise<RecentActivityEntry[]> {
  const withCustomer = alias(customers, 'with_customer');
  const recordName = sql<string | null>`case ${auditLogs.entityType}
    when 'customer' then ${personName(customers)}
    when 'company' then ${companies.name}
    when 'deal' then ${deals.title}
    when 'order' then '#' || ${orders.number}
    when 'interaction' then ${customerInteractions.subject}
    when 'task' then ${tasks.title}
    end`;
  const found = await tx
    .select({
      id: auditLogs.id,
      action: auditLogs.action,
      entityType: auditLogs.entityType,
      entityId: auditLogs.entityId,
      actorName: auditEntryColumns.actorName,
      createdAt: auditLogs.createdAt,
      recordName,
      interactionType: sql<
        string | null
      >`coalesce(${customerInteractions.type}::text, ${auditLogs.changes} #>> '{after,type}', ${auditLogs.changes} #>> '{before,type}')`,
      customerId: withCustomer.id,
      customerName: personName(withCustomer),
    })
    .from(auditLogs)
    .leftJoin(users, auditActorJoins.user)
    .leftJoin(apiKeys, auditActorJoins.apiKey)
    .leftJoin(customers, and(isEntity('customer', customers.id), isNull(customers.deletedAt)))
    .leftJoin(companies, and(isEntity('company', companies.id), isNull(companies.deletedAt)))
    .leftJoin(deals, and(isEntity('deal', deals.id), isNull(deals.deletedAt)))
    .leftJoin(orders, isEntity('order', orders.id))
    .leftJoin(customerInteractions, isEntity('interaction', customerInteractions.id))
    .leftJoin(tasks, isEntity('task', tasks.id))
    .leftJoin(
      withCustomer,
      and(
        eq(
          withCustomer.id,
          sql`coalesce(${customerInteractions.customerId}, ${orders.customerId}, ${tasks.customerId})`,
        ),
        isNull(withCustomer.deletedAt),
      ),
    )
    .where(
      and(
        eq(auditLogs.organizationId, tx.organizationId),
        inArray(auditLogs.entityType, TOLD_ENTITY_TYPES),
      ),
    )
    .orderBy(desc(auditLogs.sequence))
    .limit(limit);
  return found.map(({ customerId, customerName, ...entry }) => ({
    ...entry,
    customer: customerId && customerName ? { id: customerId, name: customerName } : null,
  }));
}

interface LatestRecordRow {
  id: string;
  entity_type: string;
  record_name: string | null;
  customer_id: string | null;
  customer_name: string | null;
  at_text: string;
}

/** The newest customers, companies, deals and orders, for an organization whose trail is quiet. */
async function latestRecords(tx: TenantTx, limit: number): Promise<RecentActivityEntry[]> {
  const org = tx.organizationId;
  const result = await tx.execute(sql`
    select r.id, r.entity_type, r.record_name, r.customer_id, r.customer_name,
      to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_text
    from (
      (select id, 'customer' as entity_type,
         nullif(concat_ws(' ', first_name, nullif(last_name, '')), '') as record_name,
         null::uuid as customer_id, null::text as customer_name, created_at
       from customers where organization_id = ${org} and deleted_at is null
       order by created_at desc limit ${limit})
      union all
      (select id, 'company', name, null::uuid, null::text, created_at
       from companies where organization_id = ${org} and deleted_at is null
       order by created_at desc limit ${limit})
      union all
      (select id, 'deal', title, null::uuid, null::text, created_at
       from deals where organization_id = ${org} and deleted_at is null
       order by created_at desc limit ${limit})
      union all
      (select o.id, 'order', '#' || o.number, c.id,
         nullif(concat_ws(' ', c.first_name, nullif(c.last_name, '')), ''), o.created_at
       from orders o left join customers c on c.id = o.customer_id and c.deleted_at is null
       where o.organization_id = ${org}
       order by o.created_at desc limit ${limit})
    ) r
    order by r.created_at desc, r.id desc
    limit ${limit}`);
  return rows<LatestRecordRow>(result).map((row) => ({
    id: row.id,
    action: `${row.entity_type}.created`,
    entityType: row.entity_type,
    entityId: row.id,
    actorName: null,
    createdAt: new Date(row.at_text),
    recordName: row.record_name,
    interactionType: null,
    customer:
      row.customer_id && row.customer_name
        ? { id: row.customer_id, name: row.customer_name }
        : null,
  }));
}

/**
 * What happened lately in the organization, each naming its record; when the audit trail holds
 * nothing to tell (data that arrived without it), the newest records instead.
 */
export async function recentActivity(tx: TenantTx, limit: number) {
  const changes = await latestChanges(tx, limit);
  return changes.length > 0 ? changes : latestRecords(tx, limit);
}
