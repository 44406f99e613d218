import { and, eq, gte, sql, type SQL } from 'drizzle-orm';
import { customerInteractions, users } from '../schema';
import type { TenantTx } from '../types';
import { afterPosition, decodeCursor, keysetOrder, pageOf } from './cursor';
import type {
  DealTimelineParams,
  Interaction,
  InteractionListParams,
  InteractionType,
} from '@/schemas/interactions';
import { changesTo, isEmpty } from './changes';

/** An interaction as the API shows it, with its author's name (joined from users). */
export const interactionColumns = {
  id: customerInteractions.id,
  customerId: customerInteractions.customerId,
  companyId: customerInteractions.companyId,
  dealId: customerInteractions.dealId,
  type: customerInteractions.type,
  subject: customerInteractions.subject,
  content: customerInteractions.content,
  occurredAt: customerInteractions.occurredAt,
  authorId: customerInteractions.authorId,
  authorName: users.name,
  createdAt: customerInteractions.createdAt,
  updatedAt: customerInteractions.updatedAt,
};

const ofTenant = (tx: TenantTx) => eq(customerInteractions.organizationId, tx.organizationId);

/** The order of every timeline: newest first, by keyset on (occurred_at, id). */
export const NEWEST_FIRST = { sort: 'occurredAt', order: 'desc' } as const;
export const newestFirst = keysetOrder(
  'desc',
  customerInteractions.occurredAt,
  customerInteractions.id,
);

/** The interactions of a timeline after its cursor's position. */
export const afterTimelineCursor = (cursor: string) =>
  afterPosition(
    customerInteractions.occurredAt,
    customerInteractions.id,
    decodeCursor(cursor, NEWEST_FIRST),
    sql`timestamptz`,
  );

/** A customer's timeline, newest first, by keyset on (occurred_at, id). */
export async function listInteractions(tx: TenantTx, params: InteractionListParams) {
  const where = [ofTenant(tx), eq(customerInteractions.customerId, params.customerId)];
  if (params.updatedSince) where.push(gte(customerInteractions.updatedAt, params.updatedSince));
  return timelinePage(tx, where, params);
}

/** A deal's own entries, newest first, by keyset on (occurred_at, id). */
export async function listDealTimeline(tx: TenantTx, params: DealTimelineParams) {
  return timelinePage(tx, [ofTenant(tx), eq(customerInteractions.dealId, params.id)], params);
}

async function timelinePage(
  tx: TenantTx,
  where: SQL[],
  params: { limit: number; cursor?: string | undefined },
) {
  if (params.cursor) where.push(afterTimelineCursor(params.cursor));
  const rows = await tx
    .select(interactionColumns)
    .from(customerInteractions)
    .leftJoin(users, eq(users.id, customerInteractions.authorId))
    .where(and(...where))
    .orderBy(...newestFirst)
    .limit(params.limit + 1);
  return pageOf(rows, params.limit, NEWEST_FIRST, (row) => row.occurredAt);
}

/** One interaction; with `lock`, locked for the rest of the transaction. */
export async function getInteraction(
  tx: TenantTx,
  id: string,
  lock = false,
): Promise<Interaction | undefined> {
  const query = tx
    .select(interactionColumns)
    .from(customerInteractions)
    .leftJoin(users, eq(users.id, customerInteractions.authorId))
    .where(and(ofTenant(tx), eq(customerInteractions.id, id)))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: customerInteractions }) : await query;
  return row;
}

export async function insertInteraction(
  tx: TenantTx,
  values: ({ customerId: string } | { companyId: string } | { dealId: string }) & {
    type: InteractionType;
    subject: string;
    content: string;
    occurredAt?: Date;
    authorId: string | null;
    authorApiKeyId: string | null;
  },
): Promise<Interaction> {
  const [row] = await tx
    .insert(customerInteractions)
    .values({ ...values, organizationId: tx.organizationId })
    .returning({ id: customerInteractions.id });
  return (await getInteraction(tx, row!.id))!;
}

/** Applies the values that differ from the interaction's; when none does, nothing is written. */
export async function updateInteraction(
  tx: TenantTx,
  before: Interaction,
  values: Partial<Pick<Interaction, 'type' | 'subject' | 'content' | 'occurredAt'>>,
): Promise<{ after: Interaction; changed: boolean }> {
  const changes = changesTo(before, values);
  if (isEmpty(changes)) return { after: before, changed: false };
  await tx
    .update(customerInteractions)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(ofTenant(tx), eq(customerInteractions.id, before.id)));
  return { after: (await getInteraction(tx, before.id))!, changed: true };
}

export async function deleteInteraction(tx: TenantTx, id: string) {
  await tx.delete(customerInteractions).where(and(ofTenant(tx), eq(customerInteractions.id, id)));
}

/** Ids of a customer's interactions (erasure names them in the audit trail). */
export async function interactionIdsOf(tx: TenantTx, customerId: string) {
  const rows = await tx
    .select({ id: customerInteractions.id })
    .from(customerInteractions)
    .where(and(ofTenant(tx), eq(customerInteractions.customerId, customerId)));
  return rows.map((row) => row.id);
}

/** All of a customer's interactions, oldest first (GDPR export). */
export async function allInteractionsOf(tx: TenantTx, customerId: string) {
  return tx
    .select(interactionColumns)
    .from(customerInteractions)
    .leftJoin(users, eq(users.id, customerInteractions.authorId))
    .where(and(ofTenant(tx), eq(customerInteractions.customerId, customerId)))
    .orderBy(customerInteractions.occurredAt);
}
