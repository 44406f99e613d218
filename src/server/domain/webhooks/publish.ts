import type { EventType } from '@/schemas/events';
import { insertEvent } from '@/server/db/repositories/events';
import { insertDeliveries, subscribedEndpointIds } from '@/server/db/repositories/webhooks';
import type { TenantTx } from '@/server/db/types';
import type { JobQueue } from '@/server/jobs/queue';
import type { WebhookJob } from './deliver';

export interface PublishedEvent {
  type: EventType;
  /** The sequence of the audit row written with the change. */
  sequence: number;
  data: object;
  /** The customer whose personal data `data` carries, so erasing them scrubs it. */
  customerId?: string | null;
}

/**
 * Records an event and, in the same transaction, one delivery job per subscribed endpoint:
 * a committed change is always delivered, a rolled-back one never.
 */
export async function publishEvent(tx: TenantTx, jobs: JobQueue, event: PublishedEvent) {
  const { id } = await insertEvent(tx, {
    ...event,
    data: JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>,
  });
  const endpointIds = await subscribedEndpointIds(tx, event.type);
  const deliveryIds = await insertDeliveries(tx, id, endpointIds);
  for (const deliveryId of deliveryIds) {
    const job: WebhookJob = { organizationId: tx.organizationId, deliveryId, attempt: 1 };
    await jobs.enqueue(tx, 'webhook', job);
  }
}
