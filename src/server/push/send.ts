import http from 'node:http';
import https from 'node:https';
import webpush, { type RequestDetails } from 'web-push';
import {
  privateLiteralHost,
  publicOnlyLookup,
  RefusedTargetError,
} from '@/server/domain/webhooks/target';
import type { PushPayload } from '@/server/domain/notifications/channel-jobs';
import type { VapidSettings } from './vapid';

/** A push service keeps an undelivered message this long (an offline browser gets it later). */
export const PUSH_TTL_SECONDS = 24 * 60 * 60;
export const PUSH_SEND_TIMEOUT_MS = 10_000;
const KEPT_ANSWER_BYTES = 1024;

export interface PushTarget {
  endpoint: string;
  /** The browser's P-256 public key and auth secret, base64url, as its PushSubscription gave. */
  p256dh: string;
  auth: string;
}

/** `gone`: the push service no longer knows the subscription (404 or 410); drop it. */
export type PushOutcome = 'sent' | 'gone';

/** An endpoint that must not be reached: a private address, or not https. Retrying won't help. */
export class RefusedPushTargetError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RefusedPushTargetError';
  }
}

export class PushServiceError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'PushServiceError';
  }
}

/**
 * Encrypts the payload for the browser (RFC 8291, aes128gcm) and POSTs it to its push service
 * with a VAPID signature (RFC 8292). web-push prepares the request; it is sent here rather than
 * by web-push's sendNotification because that speaks only https and cannot refuse a name that
 * resolves to a private address, and endpoints are URLs anyone signed in can give: the same
 * guard as webhooks applies, on the addresses actually connected to.
 *
 * Throws on anything but a 2xx, 404 or 410, so the job is retried.
 */
export async function sendPush(
  vapid: VapidSettings,
  target: PushTarget,
  payload: PushPayload,
  options: { allowPrivateTargets: boolean },
): Promise<PushOutcome> {
  const url = pushEndpointUrl(target.endpoint, options);
  const request = webpush.generateRequestDetails(
    { endpoint: url.href, keys: { p256dh: target.p256dh, auth: target.auth } },
    JSON.stringify(payload),
    {
      vapidDetails: vapid,
      TTL: PUSH_TTL_SECONDS,
      urgency: 'normal',
      contentEncoding: 'aes128gcm',
    },
  );
  const answer = await post(url, request, options.allowPrivateTargets);
  if (answer.status >= 200 && answer.status < 300) return 'sent';
  if (answer.status === 404 || answer.status === 410) return 'gone';
  throw new PushServiceError(
    `The push service at ${url.host} answered ${answer.status}${answer.body ? `: ${answer.body}` : ''}`,
    answer.status,
  );
}

/** The endpoint as a URL, refused before any request when it can never be a push service. */
export function pushEndpointUrl(endpoint: string, options: { allowPrivateTargets: boolean }): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new RefusedPushTargetError('The push endpoint is not a URL');
  }
  if (url.protocol !== 'https:' && !(options.allowPrivateTargets && url.protocol === 'http:')) {
    throw new RefusedPushTargetError(`Push endpoints must be https URLs, not ${url.protocol}`);
  }
  const literal = options.allowPrivateTargets ? undefined : privateLiteralHost(url);
  if (literal) throw new RefusedPushTargetError(refusedAddress(literal));
  return url;
}

function refusedAddress(host: string) {
  return `${host} is a private, loopback or link-local address; push endpoints must be public`;
}

function post(
  url: URL,
  request: RequestDetails,
  allowPrivateTargets: boolean,
): Promise<{ status: number; body: string }> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(
      url,
      {
        method: request.method,
        headers: request.headers,
        signal: AbortSignal.timeout(PUSH_SEND_TIMEOUT_MS),
        lookup: allowPrivateTargets ? undefined : publicOnlyLookup,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        const finish = () => {
          response.destroy();
          const body = Buffer.concat(chunks).toString('utf8').slice(0, KEPT_ANSWER_BYTES);
          resolve({ status: response.statusCode ?? 0, body: body.trim() });
        };
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          kept += chunk.length;
          if (kept >= KEPT_ANSWER_BYTES) finish();
        });
        response.on('end', finish);
        response.on('error', reject);
      },
    );
    outgoing.on('error', (error) => {
      if (error instanceof RefusedTargetError) {
        reject(new RefusedPushTargetError(refusedAddress(url.hostname)));
      } else if (error.name === 'TimeoutError' || error.name === 'AbortError') {
        reject(
          new Error(
            `The push service at ${url.host} did not answer within ${PUSH_SEND_TIMEOUT_MS / 1000} seconds`,
          ),
        );
      } else {
        reject(error);
      }
    });
    outgoing.end(request.body ?? undefined);
  });
}
