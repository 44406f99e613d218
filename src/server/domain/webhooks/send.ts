import http from 'node:http';
import https from 'node:https';
import { MAX_DELIVERY_ERROR_LENGTH, MAX_KEPT_RESPONSE_LENGTH } from '@/schemas/webhooks';
import { privateLiteralHost, publicOnlyLookup, RefusedTargetError } from './target';

/** A receiver has this long to answer (the delivery job expires soon after). */
export const WEBHOOK_SEND_TIMEOUT_MS = 10_000;
const KEPT_RESPONSE_BYTES = MAX_KEPT_RESPONSE_LENGTH;

export interface SendOutcome {
  ok: boolean;
  responseStatus: number | null;
  responseBody: string | null;
  durationMs: number;
  error: string | null;
}

/**
 * POSTs one signed webhook. A 2xx answer within ten seconds is success; anything else
 * (another status, a redirect, a timeout, a refused address) is a failure to retry. Only the
 * first kilobyte of the answer is read.
 */
export async function sendWebhook(
  target: string,
  body: string,
  headers: Record<string, string>,
  options: { allowPrivateTargets: boolean },
): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(target);
  const literal = options.allowPrivateTargets ? undefined : privateLiteralHost(url);
  if (literal) return failure(new RefusedTargetError(literal).message, 0);

  try {
    const response = await post(url, body, headers, options.allowPrivateTargets);
    const ok = response.status >= 200 && response.status < 300;
    return {
      ok,
      responseStatus: response.status,
      responseBody: response.body,
      durationMs: elapsed(),
      error: ok
        ? null
        : response.status >= 300 && response.status < 400
          ? `Answered ${response.status}; redirects are not followed`
          : `Answered ${response.status}`,
    };
  } catch (error) {
    return failure(describe(error), elapsed());
  }
}

/** A failure as the delivery log keeps it (a TLS error can list a whole certificate's names). */
function failure(error: string, durationMs: number): SendOutcome {
  const kept = error.slice(0, MAX_DELIVERY_ERROR_LENGTH);
  return { ok: false, responseStatus: null, responseBody: null, durationMs, error: kept };
}

function post(
  url: URL,
  body: string,
  headers: Record<string, string>,
  allowPrivateTargets: boolean,
): Promise<{ status: number; body: string }> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Clientele-Webhooks/1.0',
        },
        signal: AbortSignal.timeout(WEBHOOK_SEND_TIMEOUT_MS),
        lookup: allowPrivateTargets ? undefined : publicOnlyLookup,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        const finish = () => {
          response.destroy();
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8').slice(0, KEPT_RESPONSE_BYTES),
          });
        };
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          kept += chunk.length;
          if (kept >= KEPT_RESPONSE_BYTES) finish();
        });
        response.on('end', finish);
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function describe(error: unknown): string {
  if (error instanceof RefusedTargetError) return error.message;
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `No answer within ${WEBHOOK_SEND_TIMEOUT_MS / 1000} seconds`;
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return `No answer within ${WEBHOOK_SEND_TIMEOUT_MS / 1000} seconds`;
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTFOUND') return 'The host name does not resolve';
  if (code === 'ECONNREFUSED') return 'The connection was refused';
  if (code === 'ECONNRESET') return 'The connection was reset';
  if (code?.startsWith('CERT_') || code?.includes('SELF_SIGNED')) {
    return `The TLS certificate was not accepted (${code})`;
  }
  return error instanceof Error ? error.message : String(error);
}
