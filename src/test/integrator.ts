import { Webhook } from 'standardwebhooks';
import { afterEach, expect } from 'vitest';
import type { Role } from '@/schemas/permissions';
import { deliverWebhook, type WebhookJob } from '@/server/domain/webhooks/deliver';
import { webhookDeliveryDeps } from '@/server/services';
import { createTestApiKey } from './api-keys';
import { setupApiServer } from './api-server';
import { createTestOrganization } from './factories';
import { problemsWithResponse, problemsWithWebhook } from './openapi-validator';
import type { Body } from './rest-client';
import type { ReceivedWebhook } from './webhook-receiver';

export interface Call {
  status: number;
  headers: Headers;
  body: Body;
}

export type RestCall = (
  method: string,
  path: string,
  options?: { body?: unknown; headers?: Record<string, string> },
) => Promise<Call>;

/**
 * An outside system's view, for the test file: only the REST door, only API keys, and every
 * response checked against the published OpenAPI document (a test whose responses do not match
 * it fails). `problems` takes what other checks find, such as webhooks received.
 */
export function setupIntegrators() {
  const { connection, services, server } = setupApiServer();
  const problems: string[] = [];
  afterEach(() => {
    expect(problems.splice(0), 'responses that do not match the document').toEqual([]);
  });

  /** A REST client for one API key; each response is checked against the document. */
  function client(key: string | null): RestCall {
    return async (method, path, options = {}) => {
      const headers = new Headers(options.headers);
      if (key) headers.set('authorization', `Bearer ${key}`);
      if (options.body !== undefined) headers.set('content-type', 'application/json');
      const url = `${server.url}/api/v1${path}`;
      const res = await fetch(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      const body = (await res.json()) as Body;
      problems.push(
        ...problemsWithResponse(method, url, { status: res.status, headers: res.headers, body }),
      );
      return { status: res.status, headers: res.headers, body };
    };
  }

  /** A new organization, and a client with a key of the given role. */
  async function integrator(role: Role = 'admin', organizationName = 'Integrator Org') {
    const org = await createTestOrganization(services().db, organizationName);
    const { id: keyId, key } = await createTestApiKey(services().db, org.id, role);
    return {
      org,
      keyId,
      call: client(key),
      keyFor: async (other: Role) =>
        client((await createTestApiKey(services().db, org.id, other)).key),
    };
  }

  /** Runs the webhook jobs that are due, as the worker would. */
  const deliverDue = () =>
    services().jobs.drain('webhook', (data) =>
      deliverWebhook(webhookDeliveryDeps(services()), data as WebhookJob),
    );

  /**
   * The events of webhook requests received, each checked against the document's webhooks
   * section and verified with the endpoint's secret by an independent library. Deliveries are
   * independent requests that may arrive in any order: the events are sorted by type.
   */
  function verifiedEvents(received: ReceivedWebhook[], secret: string): Body[] {
    problems.push(...received.flatMap(problemsWithWebhook));
    const verifier = new Webhook(secret);
    return received
      .map((request) => verifier.verify(request.body, request.headers) as Body)
      .sort((a, b) => String(a.type).localeCompare(String(b.type)));
  }

  return {
    connection,
    services,
    server,
    problems,
    client,
    integrator,
    deliverDue,
    verifiedEvents,
  };
}

/** Follows nextCursor to the end; returns every item. */
export async function readAll(call: RestCall, path: string) {
  const items: Body[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await call(
      'GET',
      cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path,
    );
    expect(page.status).toBe(200);
    items.push(...(page.body.items as Body[]));
    cursor = page.body.nextCursor as string | null;
    pages += 1;
  } while (cursor && pages < 100);
  return { items, pages };
}
