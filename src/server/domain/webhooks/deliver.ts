import type { Logger } from 'pino';
import type { SecretBox } from '@/server/crypto/secret-box';
import { deliveryToAttempt, recordAttempt } from '@/server/db/repositories/webhooks';
import { withTenant } from '@/server/db/tenant';
import type { Database, TenantTx } from '@/server/db/types';
import type { JobQueue } from '@/server/jobs/queue';
import { membersWhoCan, notify } from '../notifications/notify';
import { signAndSend } from './sign-and-send';

export interface WebhookJob {
  organizationId: string;
  deliveryId: string;
  /** The endpoint it goes to: the workers limit the deliveries at once per endpoint. */
  endpointId: string;
  /** The attempt this job makes; a job that no longer matches the delivery does nothing. */
  attempt: number;
}

/** Waits before attempts 2 to 8 (about 28 hours in all), as Standard Webhooks senders do. */
export const RETRY_DELAYS_SECONDS = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600];
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/**
 * Deliveries one process makes at once, and at most to any one endpoint: a receiver that is
 * slow or silent ties up four of them and leaves the rest to the others (each instance counts
 * its own).
 */
export const DELIVERIES_AT_ONCE = 16;
export const DELIVERIES_AT_ONCE_PER_ENDPOINT = 4;

export interface DeliveryDeps {
  db: Database;
  jobs: JobQueue;
  secretBox: SecretBox;
  logger: Logger;
  allowPrivateTargets: boolean;
}

/**
 * A delivery failed for good, after every retry: those who manage webhooks are told (one
 * unread notification per endpoint, however many deliveries fail).
 */
async function tellAdminsOfFailure(
  tx: TenantTx,
  jobs: JobQueue,
  endpointId: string,
  url: string,
  error: string | null,
) {
  for (const admin of await membersWhoCan(tx, 'webhooks:manage')) {
    await notify(tx, jobs, {
      type: 'webhook_failing',
      recipientId: admin.userId,
      actorId: null,
      summary: `Webhook deliveries to ${url} are failing`,
      body: error ? `The last attempt: ${error}` : '',
      link: '/webhooks',
      entityType: 'webhook_endpoint',
      entityId: endpointId,
    });
  }
}

/**
 * One delivery attempt: read what to send, POST it outside any transaction, then record the
 * outcome and, after a failure, schedule the next attempt in one transaction.
 */
export async function deliverWebhook(deps: DeliveryDeps, job: WebhookJob): Promise<void> {
  const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) =>
    withTenant(deps.db, job.organizationId, fn);
  const delivery = await inTenant((tx) => deliveryToAttempt(tx, job.deliveryId));
  if (!delivery || delivery.attempts !== job.attempt - 1) return;
  if (delivery.status === 'succeeded' || delivery.status === 'failed') return;

  if (!delivery.endpoint.enabled) {
    await inTenant((tx) =>
      recordAttempt(tx, delivery.id, {
        status: 'failed',
        responseStatus: null,
        responseBody: null,
        durationMs: null,
        error: 'The endpoint is disabled',
        nextAttemptAt: null,
      }),
    );
    return;
  }

  const outcome = await signAndSend(
    deps.secretBox,
    delivery.endpointId,
    delivery.endpoint,
    delivery.event,
    { allowPrivateTargets: deps.allowPrivateTargets },
  );

  const delay = outcome.ok ? undefined : RETRY_DELAYS_SECONDS[job.attempt - 1];
  const nextAttemptAt = delay === undefined ? null : new Date(Date.now() + delay * 1000);
  await inTenant(async (tx) => {
    await recordAttempt(tx, delivery.id, {
      status: outcome.ok ? 'succeeded' : nextAttemptAt ? 'retrying' : 'failed',
      responseStatus: outcome.responseStatus,
      responseBody: outcome.responseBody,
      durationMs: outcome.durationMs,
      error: outcome.error,
      nextAttemptAt,
    });
    if (nextAttemptAt) {
      const next: WebhookJob = {
        ...job,
        endpointId: delivery.endpointId,
        attempt: job.attempt + 1,
      };
      await deps.jobs.enqueue(tx, 'webhook', next, { startAfter: nextAttemptAt });
    } else if (!outcome.ok) {
      await tellAdminsOfFailure(
        tx,
        deps.jobs,
        delivery.endpointId,
        delivery.endpoint.url,
        outcome.error,
      );
    }
  });
  if (!outcome.ok) {
    deps.logger.info(
      { deliveryId: delivery.id, attempt: job.attempt, error: outcome.error },
      nextAttemptAt
        ? 'webhook delivery failed; retrying later'
        : 'webhook delivery failed for good',
    );
  }
}
