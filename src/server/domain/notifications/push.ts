import type { Logger } from 'pino';
import type { PushSubscriptionInput } from '@/schemas/notification-settings';
import {
  deleteOwnPushSubscription,
  dropPushSubscription,
  getPushSubscription,
  savePushSubscription,
} from '@/server/db/repositories/notification-settings';
import { withIdentity, withTenant } from '@/server/db/tenant';
import type { Database } from '@/server/db/types';
import { AppError } from '@/server/errors';
import { pushEndpointUrl, RefusedPushTargetError, sendPush } from '@/server/push/send';
import { isBase64UrlOf, isP256PublicKey, type VapidSettings } from '@/server/push/vapid';
import type { ClientInfo } from '../accounts/deps';
import { recordSecurityEvent } from '../accounts/security-events';
import type { PushJob } from './channel-jobs';

export interface PushDeliveryDeps {
  db: Database;
  /** Null when this server has no VAPID keys: push is off. */
  push: VapidSettings | null;
  logger: Logger;
  allowPrivateTargets: boolean;
}

/**
 * Sends one notification to one browser. The subscription is read in the organization (a person
 * who has left it is not sent to); the request goes out after that transaction, so no
 * connection is held while a push service answers. A subscription its push service calls gone
 * is dropped. An endpoint that may not be reached is logged and not retried.
 */
export async function deliverPush(deps: PushDeliveryDeps, job: PushJob): Promise<void> {
  const { push, logger } = deps;
  if (!push) {
    logger.warn({ subscriptionId: job.subscriptionId }, 'push job skipped: Web Push is off');
    return;
  }
  const subscription = await withTenant(
    deps.db,
    job.organizationId,
    (tx) => getPushSubscription(tx, job.subscriptionId),
    { readOnly: true },
  );
  if (!subscription) return;

  let outcome;
  try {
    outcome = await sendPush(push, subscription, job.payload, {
      allowPrivateTargets: deps.allowPrivateTargets,
    });
  } catch (error) {
    if (!(error instanceof RefusedPushTargetError)) throw error;
    logger.warn({ subscriptionId: subscription.id, reason: error.message }, 'push refused');
    return;
  }
  if (outcome === 'gone') {
    await withTenant(deps.db, job.organizationId, (tx) =>
      dropPushSubscription(tx, subscription.id),
    );
    logger.info({ subscriptionId: subscription.id }, 'push subscription gone, dropped');
  }
}

export interface PushAccountDeps {
  db: Database;
  push: VapidSettings | null;
  allowPrivateTargets: boolean;
  client: ClientInfo;
}

/** Keeps a browser's PushSubscription for the person (its keys replaced if it subscribes again). */
export async function subscribeToPush(
  deps: PushAccountDeps,
  userId: string,
  input: PushSubscriptionInput,
): Promise<void> {
  if (!deps.push) {
    throw new AppError('PRECONDITION_FAILED', 'Push notifications are not set up on this server');
  }
  const endpoint = acceptedEndpoint(input.endpoint, deps.allowPrivateTargets);
  if (!isP256PublicKey(input.keys.p256dh)) {
    throw new AppError('BAD_REQUEST', 'keys.p256dh must be a P-256 public key in base64url');
  }
  if (!isBase64UrlOf(input.keys.auth, 16)) {
    throw new AppError('BAD_REQUEST', 'keys.auth must be a 16-byte secret in base64url');
  }
  await withIdentity(deps.db, async (tx) => {
    await savePushSubscription(tx, userId, {
      endpoint: endpoint.href,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      userAgent: deps.client.userAgent?.slice(0, 512) ?? '',
    });
    await recordSecurityEvent(
      tx,
      {
        action: 'user.push_subscribed',
        subjectUserId: userId,
        details: { pushService: endpoint.host },
      },
      deps.client,
    );
  });
}

/** Forgets a browser of the person's; false when it was not theirs or is already gone. */
export async function unsubscribeFromPush(
  deps: Pick<PushAccountDeps, 'db' | 'client'>,
  userId: string,
  endpoint: string,
): Promise<boolean> {
  return withIdentity(deps.db, async (tx) => {
    const removed = await deleteOwnPushSubscription(tx, userId, endpoint);
    if (removed) {
      await recordSecurityEvent(
        tx,
        {
          action: 'user.push_unsubscribed',
          subjectUserId: userId,
          details: { pushService: new URL(endpoint).host },
        },
        deps.client,
      );
    }
    return removed;
  });
}

function acceptedEndpoint(endpoint: string, allowPrivateTargets: boolean): URL {
  try {
    return pushEndpointUrl(endpoint, { allowPrivateTargets });
  } catch (error) {
    if (error instanceof RefusedPushTargetError) throw new AppError('BAD_REQUEST', error.message);
    throw error;
  }
}
