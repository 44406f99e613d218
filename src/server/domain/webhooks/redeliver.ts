import { getDelivery, markForRedelivery } from '@/server/db/repositories/webhooks';
import type { TenantTx } from '@/server/db/types';
import { notFound } from '@/server/errors';
import type { JobQueue } from '@/server/jobs/queue';
import type { WebhookJob } from './deliver';

/** Schedules one more attempt at a delivery, now, whatever its state; returns it as scheduled. */
export async function redeliver(
  tx: TenantTx,
  jobs: JobQueue,
  { endpointId, id }: { endpointId: string; id: string },
) {
  const delivery = await getDelivery(tx, endpointId, id);
  if (!delivery) throw notFound('Delivery');
  await markForRedelivery(tx, delivery.id);
  const job: WebhookJob = {
    organizationId: tx.organizationId,
    deliveryId: delivery.id,
    endpointId,
    attempt: delivery.attempts + 1,
  };
  await jobs.enqueue(tx, 'webhook', job);
  return (await getDelivery(tx, endpointId, id))!;
}
