import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  MAX_WEBHOOK_ENDPOINTS,
  type WebhookEndpoint,
  type webhookCreateInput,
  type webhookUpdateInput,
} from '@/schemas/webhooks';
import type { SecretBox } from '@/server/crypto/secret-box';
import {
  countEndpoints,
  insertEndpoint,
  rotateEndpointSecret,
  updateEndpoint,
} from '@/server/db/repositories/webhooks';
import { changesTo, isEmpty } from '@/server/db/repositories/changes';
import type { TenantTx } from '@/server/db/types';
import { AppError, notFound } from '@/server/errors';
import { secretContext } from './sign-and-send';
import { generateWebhookSecret } from './signature';
import { privateLiteralHost } from './target';

/** How long the previous secret keeps signing after a rotation. */
const ROTATION_OVERLAP_MS = 24 * 3600 * 1000;

export interface EndpointSettings {
  allowPrivateTargets: boolean;
}

/** An IP literal that is not public is refused up front; host names are checked on delivery. */
function assertTargetAllowed(url: string, settings: EndpointSettings) {
  if (settings.allowPrivateTargets) return;
  const host = privateLiteralHost(new URL(url));
  if (host) {
    const message = 'must be a public address, not a private, loopback or link-local one';
    throw new AppError('BAD_REQUEST', `The URL ${message}`, {
      issues: [{ path: ['url'], message }],
    });
  }
}

export async function createEndpoint(
  tx: TenantTx,
  secretBox: SecretBox,
  input: z.output<typeof webhookCreateInput>,
  settings: EndpointSettings,
) {
  assertTargetAllowed(input.url, settings);
  if ((await countEndpoints(tx)) >= MAX_WEBHOOK_ENDPOINTS) {
    throw new AppError(
      'CONFLICT',
      `An organization can have at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints`,
    );
  }
  const id = randomUUID();
  const secret = generateWebhookSecret();
  const endpoint = await insertEndpoint(tx, {
    ...input,
    id,
    secret: secretBox.seal(secret, secretContext(id)),
  });
  return { endpoint, secret };
}

/** Applies the values that differ from the endpoint's; when none does, nothing is written. */
export async function changeEndpoint(
  tx: TenantTx,
  before: WebhookEndpoint,
  { id, ...values }: z.output<typeof webhookUpdateInput>,
  settings: EndpointSettings,
): Promise<{ after: WebhookEndpoint; changed: boolean }> {
  const changes = changesTo(before, values);
  if (isEmpty(changes)) return { after: before, changed: false };
  if (changes.url) assertTargetAllowed(changes.url, settings);
  const after = await updateEndpoint(tx, id, changes);
  if (!after) throw notFound('Webhook endpoint');
  return { after, changed: true };
}

export async function rotateSecret(tx: TenantTx, secretBox: SecretBox, id: string) {
  const secret = generateWebhookSecret();
  const endpoint = await rotateEndpointSecret(
    tx,
    id,
    secretBox.seal(secret, secretContext(id)),
    new Date(Date.now() + ROTATION_OVERLAP_MS),
  );
  if (!endpoint) throw notFound('Webhook endpoint');
  return { endpoint, secret };
}
