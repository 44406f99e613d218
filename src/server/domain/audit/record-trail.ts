import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { RecordAuditListParams } from '@/schemas/record-audit';
import { decodeCursor, pageOf } from '@/server/db/repositories/cursor';
import { apiKeys, auditLogs, customerInteractions, orders, tasks, users } from '@/server/db/schema';
import type { TenantTx } from '@/server/db/types';

const LATEST_FIRST = { sort: 'sequence', order: 'desc' } as const;

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
  const where: SQL[] = [eq(auditLogs.organizationId, tx.organizationId), ofRecord(tx, params)];
  if (params.cursor) {
    const position = decodeCursor(params.cursor, LATEST_FIRST);
    where.push(lt(auditLogs.sequence, Number(position.value)));
  }
  const found = await tx
    .select({
      id: auditLogs.id,
      sequence: auditLogs.sequence,
      action: auditLogs.action,
      entityType: auditLogs.entityType,
      entityId: auditLogs.entityId,
      actorType: auditLogs.actorType,
      actorId: auditLogs.actorId,
      actorName: sql<string | null>`coalesce(${users.name}, ${apiKeys.name})`,
      changes: auditLogs.changes,
      ipAddress: auditLogs.ipAddress,
      userAgent: auditLogs.userAgent,
      requestId: auditLogs.requestId,
      createdAt: auditLogs.createdAt,
      subjectTitle,
    })
    .from(auditLogs)
    .leftJoin(users, and(eq(auditLogs.actorType, 'user'), eq(users.id, auditLogs.actorId)))
    .leftJoin(apiKeys, and(eq(auditLogs.actorType, 'api_key'), eq(apiKeys.id, auditLogs.actorId)))
    .leftJoin(
      customerInteractions,
      and(eq(auditLogs.entityType, 'interaction'), eq(customerInteractions.id, auditLogs.entityId)),
    )
    .leftJoin(orders, and(eq(auditLogs.entityType, 'order'), eq(orders.id, auditLogs.entityId)))
    .leftJoin(tasks, and(eq(auditLogs.entityType, 'task'), eq(tasks.id, auditLogs.entityId)))
    .where(and(...where))
    .orderBy(desc(auditLogs.sequence))
    .limit(params.limit + 1);
  const chained = found.map((row) => ({ ...row, sequence: row.sequence ?? 0 }));
  return pageOf(chained, params.limit, LATEST_FIRST, (row) => row.sequence);
}
