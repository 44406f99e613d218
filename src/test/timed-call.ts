export interface TimedAnswer {
  status: number;
  requestId: string | null;
  headers: Headers;
  body: Record<string, unknown>;
  /** From sending the request to having read the whole answer. */
  ms: number;
}

/**
 * A JSON request with an API key to a server at `base`, timed. Gives up after 15 s, far past
 * any deadline the tests set, so that a server that never answers fails the test instead of
 * hanging it.
 */
export async function timedCall(
  base: string,
  key: string,
  method: string,
  path: string,
  body?: object,
  headers: Record<string, string> = {},
): Promise<TimedAnswer> {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(15_000),
  });
  return {
    status: res.status,
    requestId: res.headers.get('x-request-id'),
    headers: res.headers,
    body: (await res.json()) as Record<string, unknown>,
    ms: performance.now() - started,
  };
}
