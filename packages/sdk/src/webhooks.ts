import { dateFields } from './generated/date-fields.js';
import type { webhooks } from './generated/openapi.js';
import { reviveDates } from './rest/dates.js';

type EventOf<Type extends keyof webhooks> = webhooks[Type] extends {
  post: { requestBody: { content: { 'application/json': infer Event } } };
}
  ? Event
  : never;

/** A delivery's body: `{id, type, timestamp, data}`, narrowed by `type`, dates as `Date`s. */
export type WebhookEvent = { [Type in keyof webhooks]: EventOf<Type> }[keyof webhooks];

export type WebhookHeaders =
  Headers | Record<string, string | string[] | undefined> | Iterable<[string, string]>;

export interface VerifyWebhookOptions {
  /** How far `webhook-timestamp` may be from now, either way (default 300 s). */
  toleranceSeconds?: number;
  /** The time to check against (default: now). */
  now?: Date;
}

/** A delivery that is not Clientele's, was changed, or is too old or too new. */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
}

const SECRET_PREFIX = 'whsec_';
const encoder = new TextEncoder();

function headerOf(headers: WebhookHeaders, name: string): string | undefined {
  const all = headers instanceof Headers ? headers : new Headers();
  if (!(headers instanceof Headers)) {
    const entries = Symbol.iterator in headers ? headers : Object.entries(headers);
    for (const [key, value] of entries as Iterable<[string, string | string[] | undefined]>) {
      if (value !== undefined) all.append(key, Array.isArray(value) ? value.join(', ') : value);
    }
  }
  return all.get(name) ?? undefined;
}

function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * Checks a delivery as Standard Webhooks specifies and returns its event: the
 * `webhook-signature` header must hold an HMAC-SHA256 of `webhook-id.webhook-timestamp.body`
 * under the endpoint's secret (`whsec_...`), and the timestamp must be within five minutes.
 * During a secret rotation a delivery carries two signatures; either one will do.
 *
 * `payload` is the raw body as received: parsing and re-serializing it changes the bytes.
 */
export async function verifyWebhook(
  payload: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  const id = headerOf(headers, 'webhook-id');
  const timestamp = headerOf(headers, 'webhook-timestamp');
  const signatures = headerOf(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures)
    throw new WebhookVerificationError(
      'Missing webhook-id, webhook-timestamp or webhook-signature',
    );
  if (!/^\d+$/.test(timestamp)) throw new WebhookVerificationError('Invalid webhook-timestamp');
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const tolerance = options.toleranceSeconds ?? 300;
  if (Math.abs(now - Number(timestamp)) > tolerance)
    throw new WebhookVerificationError('webhook-timestamp is outside the tolerance');

  const keyBytes = bytesOfBase64(
    secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret,
  );
  if (!keyBytes) throw new TypeError('The webhook secret is not base64 (`whsec_...`)');
  const key = await crypto.subtle.importKey(
    'raw',
    keyBytes,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  const body = typeof payload === 'string' ? payload : new TextDecoder().decode(payload);
  const signed = encoder.encode(`${id}.${timestamp}.${body}`);
  for (const candidate of signatures.split(' ')) {
    const [version, signature] = candidate.split(',', 2);
    const bytes = version === 'v1' && signature ? bytesOfBase64(signature) : undefined;
    // subtle.verify compares in constant time.
    if (bytes && (await crypto.subtle.verify('HMAC', key, bytes, signed))) {
      const event = JSON.parse(body) as WebhookEvent;
      return reviveDates(event, dateFields.webhooks[event.type]);
    }
  }
  throw new WebhookVerificationError('No signature matches');
}
