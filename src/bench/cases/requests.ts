import { randomBytes } from 'node:crypto';
import { getTarget, type HttpRequest, type Target } from '../load';
import type { TenantCredentials } from '../seed';
import type { RunningServer } from '../servers';

export const REST = '/api/v1';

export const restHeaders = (tenant: TenantCredentials) => ({
  authorization: `Bearer ${tenant.apiKey}`,
});

const sessionHeaders = (tenant: TenantCredentials) => ({
  cookie: `clientele_session=${tenant.sessionToken}`,
});

const restRequest = (tenant: TenantCredentials, path: string): HttpRequest => ({
  method: 'GET',
  path: `${REST}${path}`,
  headers: restHeaders(tenant),
});

/** GET of one REST path (under /api/v1) with the tenant's API key. */
export const restGet = (server: RunningServer, tenant: TenantCredentials, path: string) =>
  getTarget(server.origin, `${REST}${path}`, restHeaders(tenant));

/** GETs of REST paths in turn, as one operation; `paths` is asked anew for every operation. */
export const restSequence = (
  server: RunningServer,
  tenant: TenantCredentials,
  paths: () => string[],
): Target => ({
  origin: server.origin,
  operation: () => paths().map((path) => restRequest(tenant, path)),
});

/** GET of a tRPC query with the tenant owner's session cookie (superjson input). */
export const trpcGet = (
  server: RunningServer,
  tenant: TenantCredentials,
  procedure: string,
  input: unknown,
) =>
  getTarget(
    server.origin,
    `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
    sessionHeaders(tenant),
  );

/** GET of tRPC queries without input, batched in one request, with the owner's session cookie. */
export const trpcBatchGet = (
  server: RunningServer,
  tenant: TenantCredentials,
  procedures: string[],
) =>
  getTarget(
    server.origin,
    `/api/trpc/${procedures.join(',')}?batch=1&input=%7B%7D`,
    sessionHeaders(tenant),
  );

/** Each call returns the next item, round and round. */
export function rotation<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error('nothing to rotate through');
  let next = 0;
  return () => items[next++ % items.length]!;
}

/**
 * A body for POST /customers with an e-mail address no other request of any run uses, and a
 * random last name: names 80% alike are refused as likely duplicates.
 */
export function newCustomerBodies(): () => Record<string, unknown> {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  let count = 0;
  return () => {
    count += 1;
    return {
      firstName: 'Bench',
      lastName: randomBytes(6).toString('hex'),
      email: `bench-${run}-${count}@writes.example`,
      company: 'Bench Writes',
      status: 'lead',
    };
  };
}

/** The items a list answered to the last request of an operation (to check what is measured). */
export async function fetchPage(target: Target): Promise<{ path: string; items: unknown[] }> {
  const { path, headers } = target.operation().at(-1)!;
  const response = await fetch(`${target.origin}${path}`, { headers });
  if (!response.ok) throw new Error(`${path} → ${response.status} ${await response.text()}`);
  const { items } = (await response.json()) as { items: unknown[] };
  return { path, items };
}
