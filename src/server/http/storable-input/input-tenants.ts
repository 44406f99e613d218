import { expect } from 'vitest';
import { createTestApiKey } from '@/test/api-keys';
import { setupApiServer } from '@/test/api-server';
import { createTestOrganization } from '@/test/factories';
import { trpcClient } from '@/test/trpc-client';

export type Path = (string | number)[];
export interface Issue {
  path: Path;
  message: string;
}

/**
 * The test file's API server, and tenants on it: each a fresh organization with an admin key,
 * so "nothing was stored" means an empty list.
 */
export function setupInputTenants() {
  const { connection, server } = setupApiServer();

  async function tenant() {
    const org = await createTestOrganization(connection().db, 'Input Org');
    const key = (await createTestApiKey(connection().db, org.id, 'admin')).key;
    const authorization = `Bearer ${key}`;
    return {
      /** REST with a raw body, so tests can send what JSON.stringify never writes. */
      rest: (
        path: string,
        init: { method?: string; body?: string | Uint8Array<ArrayBuffer>; headers?: object } = {},
      ) =>
        fetch(`${server.url}/api/v1${path}`, {
          method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
          headers: { authorization, 'content-type': 'application/json', ...init.headers },
          body: init.body,
        }),
      /** One tRPC mutation, its body as given. */
      trpc: (path: string, body: string | Uint8Array<ArrayBuffer>) =>
        fetch(`${server.url}/api/trpc/${path}`, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body,
        }),
      client: trpcClient(server, { authorization }),
    };
  }

  return { connection, server, tenant };
}

/** The issues of a 400 from either door (REST's body, or tRPC's error envelope). */
export async function refusal(res: Response): Promise<{ message: string; issues: Issue[] }> {
  expect(res.status).toBe(400);
  const body = (await res.json()) as
    | { message: string; issues?: Issue[] }
    | { error: { json: { message: string; data: { issues: Issue[] | null } } } };
  if ('error' in body) {
    return { message: body.error.json.message, issues: body.error.json.data.issues ?? [] };
  }
  return { message: body.message, issues: body.issues ?? [] };
}

export async function itemsOf(res: Response): Promise<unknown[]> {
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: unknown[] }).items;
}

export function nestedJson(depth: number, innermost = '1'): string {
  return '{"a":'.repeat(depth) + innermost + '}'.repeat(depth);
}
