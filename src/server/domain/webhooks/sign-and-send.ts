import type { SecretBox } from '@/server/crypto/secret-box';
import { sendWebhook, type SendOutcome } from './send';
import { signatureHeaders } from './signature';

/** Where an endpoint is and its sealed signing secrets, as stored. */
export interface SealedEndpoint {
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

export const secretContext = (endpointId: string) => `webhook-secret:${endpointId}`;

/**
 * POSTs an event to an endpoint, signed with its current secret and, while a rotation's
 * overlap lasts, the previous one too. Every delivery, test events included, goes out here.
 */
export function signAndSend(
  secretBox: SecretBox,
  endpointId: string,
  endpoint: SealedEndpoint,
  event: { id: string },
  options: { allowPrivateTargets: boolean },
): Promise<SendOutcome> {
  const now = new Date();
  const context = secretContext(endpointId);
  const secrets = [secretBox.open(endpoint.secret, context)];
  const previous = endpoint.previousSecret;
  if (previous && endpoint.previousSecretExpiresAt! > now) {
    secrets.push(secretBox.open(previous, context));
  }
  const body = JSON.stringify(event);
  return sendWebhook(endpoint.url, body, signatureHeaders(event.id, now, body, secrets), options);
}
