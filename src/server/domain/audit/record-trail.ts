import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { RecordAuditListParams } from '@/schemas/record-audit';
import {
  auditActorJoins,
  auditEntriesAfter,
  auditEntryColumns,
  auditEntryPage,
} from '@/server/db/repositories/audit-logs';
import { apiKeys, auditLogs, customerInteractions, orders, tasks, users } from '@/server/db/schema';
import type { TenantTx } from '@/server/db/types';

/** The column of interactions and tasks that ties them to the record, and its key in a change. */
const ABOUT = {
  customer: {
    interaction: 'customer_id',
    task: 'customer_id',
    order: 'customer_id',
    key: 'customerId',
  },
  company: { interaction: 'company_id', task: 'company_id', order: 'company_id', key: 'companyId' },
  deal: { interaction: 'deal_id', task: 'deal_id', order: null, key: 'dealId' },
} as const;

/**
 * Which audit rows belong to a record's trail: its own, and those of its interactions, orders
 * and tasks, including ones deleted since (known by what their deletion's row recorded). Each
 * test is an `entity_id in (…)` the (organization, entity type, entity id) index answers; only
 * the organization's deletion rows of one kind are read for what they recorded.
 */
function ofRecord(tx: TenantTx, { recordType, recordId }: RecordAuditListParams): SQL {
  const about = ABOUT[recordType];
  const org = tx.organizationId;
  const deletedAbout = (action: string, path: string) =>
    sql`select entity_id from audit_logs where organization_id = ${org}
      and entity_type = ${action.split('.')[0]} and action = ${action}
      and changes #>> ${`{before,${path}}`} = ${recordId}`;
  const kind = (entityType: string, ids: SQL) =>
    sql`(${auditLogs.entityType} = ${entityType} and ${auditLogs.entityId} in (${ids}))`;
  const conditions: SQL[] = [
    sql`(${auditLogs.entityType} = ${recordType} and ${auditLogs.entityId} = ${recordId})`,
    kind(
      'interaction',
      sql`select id from customer_interactions
        where organization_id = ${org} and ${sql.raw(about.interaction)} = ${recordId}
        union all ${deletedAbout('interaction.deleted', about.key)}`,
    ),
    kind(
      'task',
      sql`select id from tasks
        where organization_id = ${org} and ${sql.raw(about.task)} = ${recordId}
        union all ${deletedAbout('task.deleted', 'related,id')}`,
    ),
  ];
  if (about.order) {
    conditions.push(
      kind(
        'order',
        sql`select id from orders
          where organization_id = ${org} and ${sql.raw(about.order)} = ${recordId}`,
      ),
    );
  }
  return or(...conditions)!;
}

/** The related record's name, as it is now or as its last row recorded it. */
const subjectTitle = sql<string | null>`case ${auditLogs.entityType}
  when 'interaction' then coalesce(${customerInteractions.subject},
    ${auditLogs.changes} #>> '{after,subject}', ${auditLogs.changes} #>> '{before,subject}')
  when 'order' then '#' || ${orders.number}
  when 'task' then coalesce(${tasks.title},
    ${auditLogs.changes} #>> '{after,title}', ${auditLogs.changes} #>> '{before,title}')
  end`;

/** One page of a customer's, company's or deal's audit trail with its related records', newest first. */
export async function listRecordAuditLogs(tx: TenantTx, params: RecordAuditListParams) {
  const found = await tx
    .select({ ...auditEntryColumns, subjectTitle })
    .from(auditLogs)
    .leftJoin(users, auditActorJoins.user)
    .leftJoin(apiKeys, auditActorJoins.apiKey)
    .leftJoin(
      customerInteractions,
      and(eq(auditLogs.entityType, 'interaction'), eq(customerInteractions.id, auditLogs.entityId)),
    )
    .leftJoin(orders, and(eq(auditLogs.entityType, 'order'), eq(orders.id, auditLogs.entityId)))
    .leftJoin(tasks, and(eq(auditLogs.entityType, 'task'), eq(tasks.id, auditLogs.entityId)))
    .where(
      and(
        eq(auditLogs.organizationId, tx.organizationId),
        ofRecord(tx, params),
        ...auditEntriesAfter(params.cursor),
      ),
    )
    .orderBy(desc(auditLogs.sequence))
    .limit(params.limit + 1);
  return auditEntryPage(found, params.limit);
}
