import { and, arrayContains, asc, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { EventType } from '@/schemas/events';
import type {
  AttemptListParams,
  DeliveryListParams,
  DeliveryStatus,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  WebhookEndpoint,
} from '@/schemas/webhooks';
import { events, webhookDeliveries, webhookDeliveryAttempts, webhookEndpoints } from '../schema';
import type { TenantTx } from '../types';
import { decodeCursor, pageOf } from './cursor';
import { toEvent } from './events';

/** The public shape of an endpoint: never its secrets. */
const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  eventTypes: webhookEndpoints.eventTypes,
  enabled: webhookEndpoints.enabled,
  previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
  createdAt: webhookEndpoints.createdAt,
  updatedAt: webhookEndpoints.updatedAt,
};

const ofOrganization = (tx: TenantTx) => eq(webhookEndpoints.organizationId, tx.organizationId);

/** The organization's endpoint with this id. */
const endpointWithId = (tx: TenantTx, id: string) =>
  and(ofOrganization(tx), eq(webhookEndpoints.id, id));

export async function listEndpoints(tx: TenantTx): Promise<WebhookEndpoint[]> {
  const rows = await tx
    .select(endpointColumns)
    .from(webhookEndpoints)
    .where(ofOrganization(tx))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
  return rows as WebhookEndpoint[];
}

export async function countEndpoints(tx: TenantTx): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(webhookEndpoints).where(ofOrganization(tx));
  return row?.n ?? 0;
}

/** One endpoint; with `lock`, locked for the rest of the transaction. */
export async function getEndpoint(
  tx: TenantTx,
  id: string,
  lock = false,
): Promise<WebhookEndpoint | undefined> {
  const query = tx
    .select(endpointColumns)
    .from(webhookEndpoints)
    .where(endpointWithId(tx, id))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row as WebhookEndpoint | undefined;
}

export interface EndpointValues {
  url: string;
  description: string;
  eventTypes: EventType[];
  enabled: boolean;
}

export async function insertEndpoint(
  tx: TenantTx,
  values: EndpointValues & { id: string; secret: string },
): Promise<WebhookEndpoint> {
  const [row] = await tx
    .insert(webhookEndpoints)
    .values({ ...values, organizationId: tx.organizationId })
    .returning(endpointColumns);
  return row as WebhookEndpoint;
}

/** Sets columns of one endpoint, and its updatedAt. */
async function setEndpoint(
  tx: TenantTx,
  id: string,
  values: PgUpdateSetSource<typeof webhookEndpoints>,
): Promise<WebhookEndpoint | undefined> {
  const [row] = await tx
    .update(webhookEndpoints)
    .set({ ...values, updatedAt: sql`now()` })
    .where(endpointWithId(tx, id))
    .returning(endpointColumns);
  return row as WebhookEndpoint | undefined;
}

export async function updateEndpoint(tx: TenantTx, id: string, values: Partial<EndpointValues>) {
  return setEndpoint(tx, id, values);
}

/** A new signing secret; the current one keeps signing beside it until `previousExpiresAt`. */
export async function rotateEndpointSecret(
  tx: TenantTx,
  id: string,
  secret: string,
  previousExpiresAt: Date,
) {
  return setEndpoint(tx, id, {
    secret,
    previousSecret: webhookEndpoints.secret,
    previousSecretExpiresAt: previousExpiresAt,
  });
}

export async function deleteEndpoint(
  tx: TenantTx,
  id: string,
): Promise<WebhookEndpoint | undefined> {
  const [row] = await tx
    .delete(webhookEndpoints)
    .where(endpointWithId(tx, id))
    .returning(endpointColumns);
  return row as WebhookEndpoint | undefined;
}

/** The enabled endpoints that want events of this type. */
export async function subscribedEndpointIds(tx: TenantTx, type: EventType): Promise<string[]> {
  const rows = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        ofOrganization(tx),
        eq(webhookEndpoints.enabled, true),
        arrayContains(webhookEndpoints.eventTypes, [type]),
      ),
    );
  return rows.map((row) => row.id);
}

export async function insertDeliveries(
  tx: TenantTx,
  eventId: string,
  endpointIds: string[],
): Promise<{ id: string; endpointId: string }[]> {
  if (endpointIds.length === 0) return [];
  return tx
    .insert(webhookDeliveries)
    .values(
      endpointIds.map((endpointId) => ({
        organizationId: tx.organizationId,
        endpointId,
        eventId,
      })),
    )
    .returning({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId });
}

const deliveryColumns = {
  id: webhookDeliveries.id,
  endpointId: webhookDeliveries.endpointId,
  eventId: webhookDeliveries.eventId,
  eventType: events.type,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  responseStatus: webhookDeliveries.responseStatus,
  responseBody: webhookDeliveries.responseBody,
  durationMs: webhookDeliveries.durationMs,
  error: webhookDeliveries.error,
  lastAttemptAt: webhookDeliveries.lastAttemptAt,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  createdAt: webhookDeliveries.createdAt,
};

const NEWEST_FIRST = { sort: 'createdAt', order: 'desc' } as const;

/** Deliveries with their events' types, to be narrowed to the ones wanted. */
const selectDeliveries = (tx: TenantTx) =>
  tx
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId));

/** The organization's deliveries to this endpoint. */
const deliveriesTo = (tx: TenantTx, endpointId: string) =>
  and(
    eq(webhookDeliveries.organizationId, tx.organizationId),
    eq(webhookDeliveries.endpointId, endpointId),
  );

/** An endpoint's deliveries, newest first. */
export async function listDeliveries(tx: TenantTx, params: DeliveryListParams) {
  const after = params.cursor ? decodeCursor(params.cursor, NEWEST_FIRST) : undefined;
  const rows = await selectDeliveries(tx)
    .where(
      and(
        deliveriesTo(tx, params.endpointId),
        params.status?.length ? inArray(webhookDeliveries.status, params.status) : undefined,
        after
          ? or(
              lt(webhookDeliveries.createdAt, new Date(String(after.value))),
              and(
                eq(webhookDeliveries.createdAt, new Date(String(after.value))),
                lt(webhookDeliveries.id, after.id),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(params.limit + 1);
  return pageOf(rows as WebhookDelivery[], params.limit, NEWEST_FIRST, (row) => row.createdAt);
}

export async function getDelivery(
  tx: TenantTx,
  endpointId: string,
  id: string,
): Promise<WebhookDelivery | undefined> {
  const [row] = await selectDeliveries(tx)
    .where(and(deliveriesTo(tx, endpointId), eq(webhookDeliveries.id, id)))
    .limit(1);
  return row as WebhookDelivery | undefined;
}

/** Everything one delivery attempt needs: where, the sealed secrets, and the event. */
export async function deliveryToAttempt(tx: TenantTx, id: string) {
  const [row] = await tx
    .select({
      id: webhookDeliveries.id,
      endpointId: webhookDeliveries.endpointId,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      endpoint: {
        url: webhookEndpoints.url,
        enabled: webhookEndpoints.enabled,
        secret: webhookEndpoints.secret,
        previousSecret: webhookEndpoints.previousSecret,
        previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
      },
      event: events,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(
      and(eq(webhookDeliveries.organizationId, tx.organizationId), eq(webhookDeliveries.id, id)),
    )
    .limit(1);
  return row && { ...row, event: toEvent(row.event) };
}

export interface AttemptOutcome {
  status: Exclude<DeliveryStatus, 'pending'>;
  responseStatus: number | null;
  responseBody: string | null;
  durationMs: number | null;
  error: string | null;
  nextAttemptAt: Date | null;
}

/** Records an attempt's outcome on the delivery and appends it to the delivery's attempts. */
export async function recordAttempt(tx: TenantTx, id: string, outcome: AttemptOutcome) {
  const [row] = await tx
    .update(webhookDeliveries)
    .set({
      ...outcome,
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastAttemptAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(
      and(eq(webhookDeliveries.organizationId, tx.organizationId), eq(webhookDeliveries.id, id)),
    )
    .returning({
      attempts: webhookDeliveries.attempts,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
    });
  if (!row) return;
  await insertAttempt(tx, id, row.attempts, row.lastAttemptAt!, outcome);
}

function insertAttempt(
  tx: TenantTx,
  deliveryId: string,
  attempt: number,
  attemptedAt: Date,
  outcome: Pick<AttemptOutcome, 'durationMs' | 'responseStatus' | 'responseBody' | 'error'>,
) {
  return tx.insert(webhookDeliveryAttempts).values({
    organizationId: tx.organizationId,
    deliveryId,
    attempt,
    attemptedAt,
    durationMs: outcome.durationMs,
    responseStatus: outcome.responseStatus,
    responseBody: outcome.responseBody,
    error: outcome.error,
  });
}

const attemptColumns = {
  id: webhookDeliveryAttempts.id,
  deliveryId: webhookDeliveryAttempts.deliveryId,
  attempt: webhookDeliveryAttempts.attempt,
  attemptedAt: webhookDeliveryAttempts.attemptedAt,
  durationMs: webhookDeliveryAttempts.durationMs,
  responseStatus: webhookDeliveryAttempts.responseStatus,
  responseBody: webhookDeliveryAttempts.responseBody,
  error: webhookDeliveryAttempts.error,
};

const LATEST_ATTEMPT_FIRST = { sort: 'attempt', order: 'desc' } as const;

/** A delivery's attempts, the latest first. */
export async function listAttempts(tx: TenantTx, params: AttemptListParams) {
  const after = params.cursor ? decodeCursor(params.cursor, LATEST_ATTEMPT_FIRST) : undefined;
  const rows = await tx
    .select(attemptColumns)
    .from(webhookDeliveryAttempts)
    .where(
      and(
        eq(webhookDeliveryAttempts.organizationId, tx.organizationId),
        eq(webhookDeliveryAttempts.deliveryId, params.id),
        after ? lt(webhookDeliveryAttempts.attempt, Number(after.value)) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveryAttempts.attempt))
    .limit(params.limit + 1);
  return pageOf(
    rows as WebhookDeliveryAttempt[],
    params.limit,
    LATEST_ATTEMPT_FIRST,
    (row) => row.attempt,
  );
}

/** An endpoint's address and sealed secrets, to send it a test event. */
export async function endpointToTest(tx: TenantTx, id: string) {
  const [row] = await tx
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      secret: webhookEndpoints.secret,
      previousSecret: webhookEndpoints.previousSecret,
      previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
    })
    .from(webhookEndpoints)
    .where(endpointWithId(tx, id))
    .limit(1);
  return row;
}

/** A delivery already attempted once (a test event, sent before it was logged). */
export async function insertAttemptedDelivery(
  tx: TenantTx,
  values: { endpointId: string; eventId: string; attemptedAt: Date } & Omit<
    AttemptOutcome,
    'nextAttemptAt'
  >,
): Promise<{ id: string }> {
  const { attemptedAt, ...outcome } = values;
  const [row] = await tx
    .insert(webhookDeliveries)
    .values({
      ...outcome,
      organizationId: tx.organizationId,
      attempts: 1,
      lastAttemptAt: attemptedAt,
      createdAt: attemptedAt,
    })
    .returning({ id: webhookDeliveries.id });
  await insertAttempt(tx, row!.id, 1, attemptedAt, outcome);
  return row!;
}

/** A manual redelivery: the delivery is scheduled again, its earlier attempts still counted. */
export async function markForRedelivery(tx: TenantTx, id: string) {
  await tx
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
    .where(
      and(eq(webhookDeliveries.organizationId, tx.organizationId), eq(webhookDeliveries.id, id)),
    );
}
