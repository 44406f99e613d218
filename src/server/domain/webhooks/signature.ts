import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';

/** A new signing secret in the Standard Webhooks form: `whsec_` and 24 random bytes in base64. */
export function generateWebhookSecret(): string {
  return PREFIX + randomBytes(24).toString('base64');
}

/**
 * The Standard Webhooks headers: `webhook-signature` holds one `v1,<base64 HMAC-SHA256>` of
 * `id.timestamp.body` per secret (two during a rotation), separated by spaces.
 */
export function signatureHeaders(
  id: string,
  timestamp: Date,
  body: string,
  secrets: string[],
): Record<string, string> {
  const seconds = Math.floor(timestamp.getTime() / 1000).toString();
  const signed = `${id}.${seconds}.${body}`;
  const signatures = secrets.map((secret) => {
    const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
    return `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
  });
  return {
    'webhook-id': id,
    'webhook-timestamp': seconds,
    'webhook-signature': signatures.join(' '),
  };
}
