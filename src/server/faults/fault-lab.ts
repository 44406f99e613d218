import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { openConnection } from '@/server/db/connection';
import { createTestApiKey } from '@/test/api-keys';
import { sessionCookieOf, signUpInBrowser, type BrowserClient } from '@/test/browser-client';
import { uniqueEmail } from '@/test/factories';
import { startInstance, stopAllInstances, type Instance } from '@/test/instances';
import { postgresBinaries, startPostgresServer, type PostgresServer } from '@/test/postgres-server';
import { startRedisServer, type RedisServer } from '@/test/redis-server';
import { timedCall, type TimedAnswer } from '@/test/timed-call';

// The app against a PostgreSQL server and a Redis of the test's own, which the fault tests kill
// and restart. They run in the PostgreSQL project, where the server binaries are installed.
const faultsRun = process.env.TEST_DRIVER === 'postgres' && postgresBinaries() !== undefined;
export const STATEMENT_TIMEOUT_MS = 1_500;
export const REQUEST_TIMEOUT_MS = 3_000;
export const POOL_QUEUE_LIMIT = 10;
export const SHUTDOWN_TIMEOUT_MS = 8_000;

export type Answer = TimedAnswer;

export interface FaultLab {
  pg: PostgresServer;
  redis: RedisServer;
  app: Instance;
  /** The superuser on the app's database, for what no request may do. */
  admin: postgres.Sql;
  /** An admin API key of the owner's organization. */
  key: string;
  owner: BrowserClient;
  organizationId: string;
  /** What each fault showed, printed after the file (docs/operations.md's figures and the notes). */
  observed: Record<string, unknown>;
  /** A REST call with the key, to the app unless another instance is given. */
  call(
    method: string,
    path: string,
    body?: object,
    instance?: Instance,
    headers?: Record<string, string>,
  ): Promise<Answer>;
  /** A new customer, made over REST through the instance (the app by default): its JSON. */
  createCustomer(instance?: Instance): Promise<Record<string, unknown>>;
  /** Holds the customer's row locked, in a transaction of the superuser's, until released. */
  lockRow(customerId: string): { held: Promise<void>; release(): Promise<void> };
  /** A sign-in with a wrong password: 401 when the limiter could count it, 503 when not. */
  signIn(): Promise<{ status: number; ms: number }>;
  /** The settings that put another instance on the lab's database and Redis. */
  services(): { DATABASE_URL: string; REDIS_URL: string };
  /** A tRPC query without input, as the owner's browser sends it. */
  query(procedure: string): Promise<{ status: number; ms: number }>;
  /** The owner's live change stream from the app, as its browser opens it. */
  openChanges(): Promise<ReadableStreamDefaultReader<Uint8Array>>;
  /** The organization's customers, their creation audit rows, and rows without a customer. */
  customerAuditCounts(): Promise<{ customers: number; audited: number; orphans: number }>;
}

/**
 * The file's fault tests, as `faults`, on a lab of their own: the servers and the app with an
 * owner, an organization and an API key, started before the tests and removed after them,
 * printing what the tests observed. Skipped where the PostgreSQL server binaries are missing.
 */
export function describeFaults(tests: (lab: FaultLab) => void) {
  describe.skipIf(!faultsRun)('faults', () => tests(setupFaultLab()));
}

function setupFaultLab(): FaultLab {
  const lab = { observed: {} } as FaultLab;
  beforeAll(async () => {
    const [pg, redis] = await Promise.all([startPostgresServer(), startRedisServer()]);
    Object.assign(lab, { pg, redis });
    const server = postgres(pg.url(), { max: 1, onnotice: () => {} });
    await server`create role clientele_owner login createdb createrole`;
    await server`create database clientele owner clientele_owner`;
    await server.end();
    lab.app = await startInstance({
      ...lab.services(),
      DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      DATABASE_POOL_QUEUE_LIMIT: String(POOL_QUEUE_LIMIT),
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      // The writers here send far more than an integrator's minute allows.
      RATE_LIMIT_REST_PER_KEY: '100000',
      RATE_LIMIT_REST_PER_ORG: '100000',
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
      TRUST_PROXY: '1',
      CREDENTIAL_CACHE_SECONDS: '300',
    });
    lab.admin = postgres(pg.url('clientele'), { max: 2, onnotice: () => {} });
    const signedUp = await signUpInBrowser(lab.app, { name: 'Fault Owner' }, () => ({
      'x-forwarded-for': '198.51.100.7',
    }));
    lab.owner = signedUp.browser;
    lab.organizationId = (await lab.owner.auth.me.query()).organization!.id;
    const connection = await openConnection({ databaseUrl: pg.url('clientele') });
    lab.key = (await createTestApiKey(connection.db, lab.organizationId, 'admin')).key;
    await connection.close();
  }, 120_000);

  afterAll(async () => {
    await stopAllInstances();
    await lab.admin?.end();
    await Promise.all([lab.pg?.remove(), lab.redis?.kill()]);
    console.info(`faults observed: ${JSON.stringify(lab.observed, null, 2)}`);
  });

  lab.services = () => ({
    DATABASE_URL: lab.pg.url('clientele', 'clientele_owner'),
    REDIS_URL: lab.redis.url,
  });

  lab.call = async (method, path, body, instance = lab.app, headers = {}) => {
    try {
      return await timedCall(instance.url, lab.key, method, path, body, headers);
    } catch (error) {
      const cause = error instanceof Error && error.cause ? ` (${String(error.cause)})` : '';
      throw new Error(
        `${method} ${path} got no answer: ${String(error)}${cause}\n${instance.output().slice(-3000)}`,
      );
    }
  };

  lab.createCustomer = async (instance = lab.app) =>
    (await lab.call('POST', '/api/v1/customers', newCustomer(), instance)).body;

  lab.lockRow = (customerId) => lockRow(lab.admin, customerId);

  lab.signIn = async () => {
    const started = performance.now();
    const res = await fetch(`${lab.app.url}/api/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: lab.app.url },
      body: JSON.stringify({
        json: { email: uniqueEmail('nobody'), password: 'wrong password' },
      }),
    });
    return { status: res.status, ms: performance.now() - started };
  };

  lab.query = async (procedure) => {
    const started = performance.now();
    const res = await fetch(`${lab.app.url}/api/trpc/${procedure}`, {
      headers: { cookie: sessionCookieOf(lab.owner) },
    });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started };
  };

  lab.openChanges = async () => {
    const stream = await fetch(`${lab.app.url}/api/trpc/events.changes`, {
      headers: { accept: 'text/event-stream', cookie: sessionCookieOf(lab.owner) },
    });
    return stream.body!.getReader();
  };

  lab.customerAuditCounts = async () => {
    const { admin, organizationId } = lab;
    const [counts] = await admin<{ customers: number; audited: number; orphans: number }[]>`
      select
        (select count(*)::int from customers where organization_id = ${organizationId}) as customers,
        (select count(*)::int from audit_logs
           where organization_id = ${organizationId} and action = 'customer.created') as audited,
        (select count(*)::int from audit_logs a
           where a.organization_id = ${organizationId} and a.action = 'customer.created'
             and not exists (select 1 from customers c where c.id = a.entity_id)) as orphans`;
    return counts!;
  };

  return lab;
}

// Names are as unique as the addresses: two customers of one name are refused as likely duplicates
// (409), and a lab creates thousands.
export const newCustomer = () => ({
  email: uniqueEmail('fault'),
  firstName: 'Fault',
  lastName: `Tolerant ${randomUUID()}`,
});

export function expectUnavailable(answer: Answer) {
  expect(answer.status).toBe(503);
  expect(answer.requestId).toMatch(/\S/);
  expect(answer.body.requestId).toBe(answer.requestId);
  expect(JSON.stringify(answer.body)).not.toMatch(/postgres|ECONN|select|stack/i);
}

/** Holds a row lock on the customer in a transaction of its own until released. */
function lockRow(sql: postgres.Sql, customerId: string) {
  let release!: () => void;
  let held!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const heldPromise = new Promise<void>((resolve) => (held = resolve));
  const transaction = sql.begin(async (tx) => {
    await tx`select id from customers where id = ${customerId} for update`;
    held();
    await released;
  });
  return {
    held: heldPromise,
    release: async () => {
      release();
      await transaction;
    },
  };
}
