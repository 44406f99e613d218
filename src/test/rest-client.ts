import http from 'node:http';
import { beforeAll, expect } from 'vitest';
import type { Role } from '@/schemas/permissions';
import type { ServiceSettings } from '@/server/services';
import { createTestApiKey } from './api-keys';
import { setupApiServer, type TestApiServer } from './api-server';
import { createTestOrganization, type TestOrganization } from './factories';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = Record<string, any>;

/** A request to the REST door: with another key than the tenant's (null: none), or elsewhere. */
export type RestInit = RequestInit & { key?: string | null; base?: string };

export interface RestTenant {
  server: TestApiServer;
  org: TestOrganization;
  /** An API key of the organization, with the role the tenant was set up with. */
  key: string;
}

/**
 * The test file's services and API server, with one organization and an API key of it, made
 * before the file's tests; and fetch for its REST door, as that key.
 */
export function setupRestTenant(
  organizationName: string,
  role: Role = 'admin',
  overrides: Partial<ServiceSettings> = {},
) {
  const { connection, services, server } = setupApiServer(overrides);
  const tenant = { server } as RestTenant;
  beforeAll(async () => {
    tenant.org = await createTestOrganization(connection().db, organizationName);
    tenant.key = (await createTestApiKey(connection().db, tenant.org.id, role)).key;
  });

  /** A string body goes as JSON unless the headers say otherwise. */
  function rest(path: string, init: RestInit = {}) {
    const headers = new Headers(init.headers);
    const bearer = init.key === undefined ? tenant.key : init.key;
    if (bearer) headers.set('authorization', `Bearer ${bearer}`);
    if (typeof init.body === 'string' && !headers.has('content-type')) {
      headers.set('content-type', 'application/json');
    }
    return fetch(`${init.base ?? tenant.server.url}/api/v1${path}`, { ...init, headers });
  }

  /** A POST that must succeed; its JSON answer. */
  async function post(path: string, body: unknown, init: RestInit = {}) {
    const res = await rest(path, { ...init, method: 'POST', body: JSON.stringify(body) });
    expect(res.status, `POST ${path}`).toBe(200);
    return (await res.json()) as Body;
  }

  /** A request whose bytes arrive as sent: fetch would add Accept-Encoding and decompress. */
  function raw(method: string, path: string, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
      (resolve, reject) => {
        const request = http.request(
          `${tenant.server.url}/api/v1${path}`,
          { method, headers: { authorization: `Bearer ${tenant.key}`, ...headers } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () =>
              resolve({
                status: res.statusCode!,
                headers: res.headers,
                body: Buffer.concat(chunks),
              }),
            );
          },
        );
        request.on('error', reject);
        request.end();
      },
    );
  }

  /** An API key of a new organization, which sees nothing of the tenant's. */
  async function keyOfAnotherOrganization(otherRole: Role = 'admin') {
    const other = await createTestOrganization(connection().db);
    return (await createTestApiKey(connection().db, other.id, otherRole)).key;
  }

  return { connection, services, tenant, rest, post, raw, keyOfAnotherOrganization };
}
