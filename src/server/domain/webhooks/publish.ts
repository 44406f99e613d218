import { randomUUID } from 'node:crypto';
import type { EventType } from '@/schemas/events';
import { appendAuditLog, type AuditEntry } from '@/server/db/repositories/audit-logs';
import { insertEvent } from '@/server/db/repositories/events';
import { insertDeliveries, subscribedEndpointIds } from '@/server/db/repositories/webhooks';
import type { TenantTx } from '@/server/db/types';
import type { JobQueue } from '@/server/jobs/queue';
import type { WebhookJob } from './deliver';

export interface PublishedEvent {
  type: EventType;
  /** The audit row written with the change: the event takes its sequence at commit. */
  auditLogId: string;
  data: object;
  /** The customer whose personal data `data` carries, so erasing them scrubs it. */
  customerId?: string | null;
}

/**
 * Appends a change's audit row and records its public event, with one delivery job per endpoint
 * subscribed to it, all in the caller's transaction: a committed change is always delivered, a
 * rolled-back one never. The event is numbered with its audit row when the chain links that row
 * at commit. The subscribers' lookup, the audit row and the event do not wait for each other:
 * issued together, they reach the database in one round trip (postgres.js sends a transaction's
 * statements without waiting for the answers to those before). Returns the audit row's id.
 */
export async function auditAndPublish(
  tx: TenantTx,
  jobs: JobQueue,
  entry: AuditEntry,
  event: Omit<PublishedEvent, 'auditLogId'>,
): Promise<string> {
  const auditLogId = randomUUID();
  const [subscribers, , { id: eventId }] = await Promise.all([
    subscribedEndpointIds(tx, event.type),
    appendAuditLog(tx, { ...entry, id: auditLogId }),
    insertEvent(tx, {
      ...event,
      auditLogId,
      data: JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>,
    }),
  ]);
  const deliveries = await insertDeliveries(tx, eventId, subscribers);
  for (const delivery of deliveries) {
    const job: WebhookJob = {
      organizationId: tx.organizationId,
      deliveryId: delivery.id,
      endpointId: delivery.endpointId,
      attempt: 1,
    };
    await jobs.enqueue(tx, 'webhook', job);
  }
  return auditLogId;
}
