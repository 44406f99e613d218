import { sql, type SQL } from 'drizzle-orm';
import { can, type Permission, type Role } from '@/schemas/permissions';
import {
  TIMELINE_ENTRY_TYPES,
  type TimelineEntry,
  type TimelineEntryType,
  type TimelineListParams,
} from '@/schemas/timeline';
import { rows } from '@/server/db/rows';
import { decodeCursor, encodeCursor } from '@/server/db/repositories/cursor';
import type { TenantTx } from '@/server/db/types';
import {
  changeEntries,
  dealEntries,
  interactionEntries,
  orderEntries,
  taskEntries,
  type TimelineScope,
} from './timeline-sources';

const INTERACTION_KINDS = ['note', 'call', 'email', 'meeting'] as const;

/** What a caller must be allowed to read to see entries of each type. */
const TYPE_PERMISSION: Record<Exclude<TimelineEntryType, 'change'>, Permission> = {
  note: 'interactions:read',
  call: 'interactions:read',
  email: 'interactions:read',
  meeting: 'interactions:read',
  order: 'orders:read',
  deal: 'deals:read',
  task: 'tasks:read',
};

/** Bookkeeping that every change touches and a person does not need to see. */
const UNSHOWN_FIELDS = new Set(['id', 'organizationId', 'version', 'createdAt', 'updatedAt']);

const NEWEST_FIRST = { sort: 'at', order: 'desc' } as const;

/** The types asked for (all when none) that the caller's role may read. */
export function visibleTypes(role: Role, asked: TimelineEntryType[]): Set<TimelineEntryType> {
  const wanted = asked.length > 0 ? asked : TIMELINE_ENTRY_TYPES;
  return new Set(wanted.filter((type) => type === 'change' || can(role, TYPE_PERMISSION[type])));
}

function sourcesOf(scope: TimelineScope, types: Set<TimelineEntryType>): SQL[] {
  const kinds = INTERACTION_KINDS.filter((kind) => types.has(kind));
  const sources = [
    kinds.length > 0 ? interactionEntries(scope, kinds) : null,
    types.has('order') ? orderEntries(scope) : null,
    types.has('deal') ? dealEntries(scope) : null,
    types.has('task') ? taskEntries(scope) : null,
    types.has('change') ? changeEntries(scope) : null,
  ];
  return sources.filter((source): source is SQL => source !== null);
}

interface TimelineRow {
  id: string;
  type: TimelineEntryType;
  at_text: string;
  actor_type: 'user' | 'api_key' | 'system' | null;
  actor_name: string | null;
  author_id: string | null;
  subject_type: TimelineEntry['subject']['type'];
  subject_id: string;
  title: string;
  detail: string | null;
  status: string | null;
  amount_text: string | null;
  currency: string | null;
  due_text: string | null;
  customer_id: string | null;
  customer_name: string | null;
  changes: {
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  } | null;
}

function changedFields(changes: TimelineRow['changes']): TimelineEntry['changes'] {
  if (!changes) return [];
  const before = changes.before ?? {};
  const after = changes.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((field) => !UNSHOWN_FIELDS.has(field))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

function toEntry(row: TimelineRow): TimelineEntry {
  return {
    id: row.id,
    type: row.type,
    at: new Date(row.at_text),
    actorType: row.actor_type,
    actorName: row.actor_name,
    authorId: row.author_id,
    subject: { type: row.subject_type, id: row.subject_id, title: row.title },
    detail: row.detail ?? '',
    status: row.status,
    amountCents: row.amount_text === null ? null : Number(row.amount_text),
    currency: row.currency,
    dueAt: row.due_text === null ? null : new Date(row.due_text),
    customer:
      row.customer_id && row.customer_name
        ? { id: row.customer_id, name: row.customer_name }
        : null,
    changes: changedFields(row.changes),
  };
}

/** Microsecond-exact UTC text, so a cursor lands exactly between two entries. */
const exactTime = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/**
 * One page of a record's timeline: its interactions, orders, deals, tasks and field changes
 * merged newest first, keyset on (time, id), holding only the types the role may read.
 */
export async function listTimeline(
  tx: TenantTx,
  scope: TimelineScope,
  role: Role,
  params: Pick<TimelineListParams, 'types' | 'cursor' | 'limit'>,
): Promise<{ items: TimelineEntry[]; nextCursor: string | null }> {
  const sources = sourcesOf(scope, visibleTypes(role, params.types));
  if (sources.length === 0) return { items: [], nextCursor: null };
  const position = params.cursor ? decodeCursor(params.cursor, NEWEST_FIRST) : null;
  const after = position
    ? sql`where (s.at, s.id) < (${String(position.value)}::timestamptz, ${position.id}::uuid)`
    : sql``;
  // Each source gives at most a page after the cursor, so none is read further than the page.
  const pages = sources.map(
    (source) =>
      sql`(select * from (${source}) s ${after} order by s.at desc, s.id desc limit ${params.limit + 1})`,
  );
  const result = await tx.execute(sql`
    select e.id, e.type, ${exactTime('e.at')} as at_text, e.actor_type, e.actor_name,
      e.author_id, e.subject_type, e.subject_id, e.title, e.detail, e.status,
      e.amount_cents::text as amount_text, e.currency, ${exactTime('e.due_at')} as due_text,
      e.customer_id, e.customer_name, e.changes
    from (${sql.join(pages, sql` union all `)}) e
    order by e.at desc, e.id desc
    limit ${params.limit + 1}`);
  const found = rows<TimelineRow>(result);
  const page = found.slice(0, params.limit);
  const last = page.at(-1);
  const nextCursor =
    found.length > params.limit && last
      ? encodeCursor({ ...NEWEST_FIRST, value: last.at_text, id: last.id })
      : null;
  return { items: page.map(toEntry), nextCursor };
}
