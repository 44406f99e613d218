export interface RetryOptions {
  /** Attempts in all, the first included (default 4; 1 turns retries off). */
  attempts?: number;
  /** The first backoff's ceiling; each retry doubles it (default 500 ms). */
  baseDelayMs?: number;
  /** The longest backoff (default 20 s). */
  maxDelayMs?: number;
  /**
   * The longest `Retry-After` honoured (default 60 s); an answer asking for a longer wait is
   * handed back as it is.
   */
  maxRetryAfterMs?: number;
}

/** The statuses that say "not done, try again later". */
const RETRIED_STATUSES = new Set([429, 503]);

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date; undefined when absent or bad. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function sleep(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
  });
}

/**
 * A fetch that tries again after a network error or a 429/503, waiting as `Retry-After` says
 * or else an exponential backoff with full jitter. A POST gets an `Idempotency-Key` (unless it
 * has one) before its first attempt, and keeps it on every retry, so the server runs it once
 * even when an attempt whose answer was lost had already done it.
 */
export function withRetries(
  fetch: typeof globalThis.fetch,
  options: RetryOptions = {},
): (request: Request, init?: RequestInit) => Promise<Response> {
  const attempts = Math.max(1, options.attempts ?? 4);
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 20_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const backoff = (retry: number) => Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** retry);

  return async (original, init) => {
    let request = original;
    if (request.method === 'POST' && !request.headers.has('idempotency-key')) {
      const headers = new Headers(request.headers);
      headers.set('Idempotency-Key', crypto.randomUUID());
      request = new Request(request, { headers });
    }
    for (let attempt = 1; ; attempt++) {
      const last = attempt === attempts;
      let response: Response;
      try {
        response = await fetch(last ? request : request.clone(), init);
      } catch (error) {
        if (last || request.signal.aborted) throw error;
        await sleep(backoff(attempt - 1), request.signal);
        continue;
      }
      if (last || !RETRIED_STATUSES.has(response.status)) return response;
      const asked = retryAfterMs(response.headers.get('retry-after'));
      if (asked !== undefined && asked > maxRetryAfterMs) return response;
      await response.body?.cancel();
      // Jitter on top of what the server asked keeps many clients from coming back at once.
      const wait = asked === undefined ? backoff(attempt - 1) : asked + Math.random() * baseDelayMs;
      await sleep(wait, request.signal);
    }
  };
}
