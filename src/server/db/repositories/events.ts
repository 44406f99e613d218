import { and, asc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Event, EventListParams, EventType } from '@/schemas/events';
import { events } from '../schema';
import type { TenantTx } from '../types';
import { decodeCursor, pageOf } from './cursor';
import { AppError } from '@/server/errors';
import type { WEBHOOK_TEST_EVENT } from '@/schemas/webhooks';

export interface NewEvent {
  /** Set when the event was sent before it was stored (a test event). */
  id?: string;
  createdAt?: Date;
  type: EventType | typeof WEBHOOK_TEST_EVENT;
  /** The audit row written with the change: the event takes its sequence at commit. */
  auditLogId: string;
  data: Record<string, unknown>;
  customerId?: string | null;
}

export async function insertEvent(tx: TenantTx, event: NewEvent) {
  const [row] = await tx
    .insert(events)
    .values({ ...event, organizationId: tx.organizationId })
    .returning({ id: events.id, createdAt: events.createdAt });
  return row!;
}

const FEED = { sort: 'sequence', order: 'asc' } as const;

/** The change feed: events oldest first, after the cursor's sequence. */
export async function listEvents(tx: TenantTx, params: EventListParams) {
  if (params.type?.length === 0) return { items: [], nextCursor: null };
  const after = params.cursor
    ? Number(decodeCursor(params.cursor, FEED).value)
    : params.after
      ? await sequenceOf(tx, params.after)
      : 0;
  const rows = await tx
    .select()
    .from(events)
    .where(
      and(
        eq(events.organizationId, tx.organizationId),
        gt(events.sequence, after),
        params.type?.length ? inArray(events.type, params.type) : undefined,
      ),
    )
    .orderBy(asc(events.sequence))
    .limit(params.limit + 1);
  const page = pageOf(rows, params.limit, FEED, (row) => row.sequence);
  return { ...page, items: page.items.map(toEvent) };
}

async function sequenceOf(tx: TenantTx, id: string): Promise<number> {
  const [row] = await tx
    .select({ sequence: events.sequence })
    .from(events)
    .where(
      and(
        eq(events.organizationId, tx.organizationId),
        eq(events.id, id),
        isNotNull(events.sequence),
      ),
    )
    .limit(1);
  if (!row) {
    const message = 'is not an event of the last 30 days; read the current state instead';
    throw new AppError('NOT_FOUND', `Event not found: it ${message}`, {
      issues: [{ path: ['after'], message }],
    });
  }
  return row.sequence!;
}

export async function getEvent(tx: TenantTx, id: string): Promise<Event | undefined> {
  const [row] = await tx
    .select()
    .from(events)
    .where(and(eq(events.organizationId, tx.organizationId), eq(events.id, id)))
    .limit(1);
  return row && toEvent(row);
}

export function toEvent(row: typeof events.$inferSelect): Event {
  return {
    id: row.id,
    type: row.type,
    timestamp: row.createdAt,
    data: withDates(row.data),
  } as Event;
}

/** The timestamps of a record, stored as JSON text, as the Dates its schema describes. */
const DATE_FIELDS = new Set([
  'createdAt',
  'updatedAt',
  'deletedAt',
  'occurredAt',
  'placedAt',
  'paidAt',
  'fulfilledAt',
  'cancelledAt',
  'closedAt',
  'stageEnteredAt',
]);

function withDates(data: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value,
    ]),
  );
}

/**
 * GDPR erasure: events that carried the customer's personal data keep only the record's id,
 * except orders, which survive the customer and lose only who ordered them.
 */
export async function eraseCustomerEvents(tx: TenantTx, customerId: string): Promise<number> {
  const erased = await tx
    .update(events)
    .set({
      data: sql`case when ${events.type} like 'order.%'
        then ${events.data} || '{"customerId": null, "customerName": null}'::jsonb
        else jsonb_build_object('id', ${events.data} -> 'id', 'erased', true) end`,
      erasedAt: sql`now()`,
    })
    .where(
      and(
        eq(events.organizationId, tx.organizationId),
        eq(events.customerId, customerId),
        isNull(events.erasedAt),
      ),
    )
    .returning({ id: events.id });
  return erased.length;
}
