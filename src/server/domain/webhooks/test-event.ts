import { randomUUID } from 'node:crypto';
import {
  WEBHOOK_TEST_EVENT,
  type WebhookDelivery,
  type WebhookTestEvent,
} from '@/schemas/webhooks';
import type { SecretBox } from '@/server/crypto/secret-box';
import { insertEvent } from '@/server/db/repositories/events';
import { getDelivery, insertAttemptedDelivery } from '@/server/db/repositories/webhooks';
import type { TenantTx } from '@/server/db/types';
import type { SendOutcome } from './send';
import { signAndSend, type SealedEndpoint } from './sign-and-send';

export interface SentTestEvent {
  endpointId: string;
  event: WebhookTestEvent;
  outcome: SendOutcome;
}

/** Sends an endpoint a new test event now, signed like every delivery. */
export async function sendTestEvent(
  secretBox: SecretBox,
  endpoint: SealedEndpoint & { id: string },
  options: { allowPrivateTargets: boolean },
): Promise<SentTestEvent> {
  const event: WebhookTestEvent = {
    id: randomUUID(),
    type: WEBHOOK_TEST_EVENT,
    timestamp: new Date(),
    data: {
      endpointId: endpoint.id,
      message: 'This is a test event from Clientele. Answer 2xx to acknowledge it.',
    },
  };
  const outcome = await signAndSend(secretBox, endpoint.id, endpoint, event, options);
  return { endpointId: endpoint.id, event, outcome };
}

/**
 * Logs a test event that was sent: the event itself (numbered with its audit row, but of a type
 * the change feed never lists) and its delivery, attempted once.
 */
export async function logTestEvent(
  tx: TenantTx,
  auditLogId: string,
  { endpointId, event, outcome }: SentTestEvent,
): Promise<WebhookDelivery> {
  await insertEvent(tx, {
    id: event.id,
    type: event.type,
    auditLogId,
    data: event.data,
    createdAt: event.timestamp,
  });
  const { id } = await insertAttemptedDelivery(tx, {
    endpointId,
    eventId: event.id,
    attemptedAt: event.timestamp,
    status: outcome.ok ? 'succeeded' : 'failed',
    responseStatus: outcome.responseStatus,
    responseBody: outcome.responseBody,
    durationMs: outcome.durationMs,
    error: outcome.error,
  });
  return (await getDelivery(tx, endpointId, id))!;
}
