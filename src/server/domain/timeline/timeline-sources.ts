import { sql, type SQL } from 'drizzle-orm';
import type { TimelineRecordType } from '@/schemas/timeline';

/**
 * The SELECTs whose UNION is a record's timeline. Each yields the same columns, in this order:
 * id, type, at, actor_type, actor_name, author_id, subject_type, subject_id, title, detail,
 * status, amount_cents, currency, due_at, customer_id, customer_name, changes.
 */
export interface TimelineScope {
  organizationId: string;
  recordType: TimelineRecordType;
  recordId: string;
  /** How the record is named on the entries that are about the record itself. */
  recordTitle: string;
}

const customerName = (alias: string) =>
  sql.raw(`nullif(concat_ws(' ', ${alias}.first_name, nullif(${alias}.last_name, '')), '')`);

/** Whom an audit row names as its actor. */
const auditActor = (alias: string) =>
  sql.raw(`left join users au on ${alias}.actor_type = 'user' and au.id = ${alias}.actor_id
    left join api_keys ak on ${alias}.actor_type = 'api_key' and ak.id = ${alias}.actor_id`);

/** Who made a record without a creator column: the actor of its first audit row. */
const madeBy = (entityType: 'order' | 'deal', idColumn: string, organizationId: string) => sql`
  left join lateral (
    select first.actor_type::text as actor_type, first.actor_id
    from audit_logs first
    where first.organization_id = ${organizationId} and first.entity_type = ${entityType}
      and first.entity_id = ${sql.raw(idColumn)}
    order by first.sequence
    limit 1
  ) made on true
  ${auditActor('made')}`;

/** Notes, calls, e-mails and meetings of the given kinds. */
export function interactionEntries(scope: TimelineScope, kinds: string[]): SQL | null {
  const about = { customer: 'customer_id', company: 'company_id', deal: 'deal_id' }[
    scope.recordType
  ];
  return sql`
    select i.id, i.type::text as type, i.occurred_at as at,
      case when i.author_id is not null then 'user'
           when i.author_api_key_id is not null then 'api_key' end as actor_type,
      coalesce(u.name, k.name) as actor_name, i.author_id,
      'interaction' as subject_type, i.id as subject_id, i.subject as title, i.content as detail,
      null::text as status, null::bigint as amount_cents, null::text as currency,
      null::timestamptz as due_at, c.id as customer_id, ${customerName('c')} as customer_name,
      null::jsonb as changes
    from customer_interactions i
    left join users u on u.id = i.author_id
    left join api_keys k on k.id = i.author_api_key_id
    left join customers c on c.id = i.customer_id and c.deleted_at is null
    where i.organization_id = ${scope.organizationId}
      and i.${sql.raw(about)} = ${scope.recordId}
      and i.type::text in (${sql.join(
        kinds.map((kind) => sql`${kind}`),
        sql`, `,
      )})`;
}

/** A customer's or company's orders, each at the time it was created. */
export function orderEntries(scope: TimelineScope): SQL | null {
  if (scope.recordType === 'deal') return null;
  const about = scope.recordType === 'customer' ? 'customer_id' : 'company_id';
  return sql`
    select o.id, 'order' as type, o.created_at as at, made.actor_type,
      coalesce(au.name, ak.name) as actor_name, null::uuid as author_id,
      'order' as subject_type, o.id as subject_id, '#' || o.number as title, '' as detail,
      o.status::text as status, o.total_cents as amount_cents, o.currency::text as currency,
      null::timestamptz as due_at, c.id as customer_id, ${customerName('c')} as customer_name,
      null::jsonb as changes
    from orders o
    ${madeBy('order', 'o.id', scope.organizationId)}
    left join customers c on c.id = o.customer_id and c.deleted_at is null
    where o.organization_id = ${scope.organizationId}
      and o.${sql.raw(about)} = ${scope.recordId}`;
}

/** A customer's or company's live deals when they were opened; a deal's own moves between stages. */
export function dealEntries(scope: TimelineScope): SQL {
  if (scope.recordType === 'deal') {
    return sql`
      select m.id, 'deal' as type, m.changed_at as at,
        case when m.changed_by_id is not null then 'user' end as actor_type,
        u.name as actor_name, null::uuid as author_id,
        'deal' as subject_type, m.deal_id as subject_id, ${scope.recordTitle}::text as title,
        coalesce(s.name, '') as detail,
        case when m.from_stage_id is null then 'created' else 'moved' end as status,
        null::bigint as amount_cents, null::text as currency, null::timestamptz as due_at,
        null::uuid as customer_id, null::text as customer_name, null::jsonb as changes
      from deal_stage_changes m
      left join pipeline_stages s on s.id = m.to_stage_id
      left join users u on u.id = m.changed_by_id
      where m.organization_id = ${scope.organizationId} and m.deal_id = ${scope.recordId}`;
  }
  const ofRecord =
    scope.recordType === 'customer'
      ? sql`d.id in (select dc.deal_id from deal_customers dc
          where dc.organization_id = ${scope.organizationId} and dc.customer_id = ${scope.recordId})`
      : sql`d.company_id = ${scope.recordId}`;
  return sql`
    select d.id, 'deal' as type, d.created_at as at, made.actor_type,
      coalesce(au.name, ak.name) as actor_name, null::uuid as author_id,
      'deal' as subject_type, d.id as subject_id, d.title, coalesce(s.name, '') as detail,
      d.status::text as status, d.amount_cents, d.currency, null::timestamptz as due_at,
      null::uuid as customer_id, null::text as customer_name, null::jsonb as changes
    from deals d
    ${madeBy('deal', 'd.id', scope.organizationId)}
    left join pipeline_stages s on s.id = d.stage_id
    where d.organization_id = ${scope.organizationId} and d.deleted_at is null and ${ofRecord}`;
}

/** Tasks about the record, at the time they were created. */
export function taskEntries(scope: TimelineScope): SQL {
  const about = { customer: 'customer_id', company: 'company_id', deal: 'deal_id' }[
    scope.recordType
  ];
  return sql`
    select t.id, 'task' as type, t.created_at as at,
      case when t.created_by_id is not null then 'user'
           when t.created_by_api_key_id is not null then 'api_key' end as actor_type,
      coalesce(u.name, k.name) as actor_name, null::uuid as author_id,
      'task' as subject_type, t.id as subject_id, t.title, t.notes as detail,
      case when t.completed_at is null then 'open' else 'done' end as status,
      null::bigint as amount_cents, null::text as currency, t.due_at,
      null::uuid as customer_id, null::text as customer_name, null::jsonb as changes
    from tasks t
    left join users u on u.id = t.created_by_id
    left join api_keys k on k.id = t.created_by_api_key_id
    where t.organization_id = ${scope.organizationId} and t.${sql.raw(about)} = ${scope.recordId}`;
}

/** Changes to the record's own fields, as the audit trail recorded them. */
export function changeEntries(scope: TimelineScope): SQL {
  return sql`
    select a.id, 'change' as type, a.created_at as at, a.actor_type::text as actor_type,
      coalesce(au.name, ak.name) as actor_name, null::uuid as author_id,
      ${scope.recordType}::text as subject_type, a.entity_id as subject_id, ${scope.recordTitle}::text as title,
      '' as detail, null::text as status, null::bigint as amount_cents, null::text as currency,
      null::timestamptz as due_at, null::uuid as customer_id, null::text as customer_name,
      case when a.erased_at is null then a.changes end as changes
    from audit_logs a
    ${auditActor('a')}
    where a.organization_id = ${scope.organizationId} and a.entity_type = ${scope.recordType}
      and a.entity_id = ${scope.recordId} and a.action = ${`${scope.recordType}.updated`}`;
}
