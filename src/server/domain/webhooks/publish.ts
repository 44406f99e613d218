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
 * a committed change is always delivered, a rolled-back one never. The subscribers are looked
 * up before the audit row is appended (see subscribersOf), because appending locks the
 * organization's audit chain until commit, and every statement after it holds back the
 * organization's other writes.
 */
export async function publishEvent(
  tx: TenantTx,
  jobs: JobQueue,
  event: PublishedEvent,
  subscribers: string[],
) {
  const { id } = await insertEvent(tx, {
    ...event,
    data: JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>,
  });
  const deliveries = await insertDeliveries(tx, id, subscribers);
  for (const delivery of deliveries) {
    const job: WebhookJob = {
      organizationId: tx.organizationId,
      deliveryId: delivery.id,
      endpointId: delivery.endpointId,
      attempt: 1,
    };
    await jobs.enqueue(tx, 'webhook', job);
  }
}

/** The endpoints that take events of this type (ask before appending the audit row). */
export function subscribersOf(tx: TenantTx, type: EventType): Promise<string[]> {
  return subscribedEndpointIds(tx, type);
}
