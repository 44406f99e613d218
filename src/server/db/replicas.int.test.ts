import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type Connection } from '@/server/db/connection';
import { migrate } from '@/server/db/migrate';
import { stopServices, type AppServices } from '@/server/services';
import { createTestApiKey } from '@/test/api-keys';
import { startApiServer, type TestApiServer } from '@/test/api-server';
import { browserClient, sessionCookieOf, signUpInBrowser } from '@/test/browser-client';
import { createTestOrganization, ownerCaller, uniqueEmail } from '@/test/factories';
import {
  postgresBinaries,
  startPostgresServer,
  startStandby,
  type PostgresServer,
} from '@/test/postgres-server';
import { createTestServices } from '@/test/services';

// A real hot standby streaming from a primary of the test's own. Pausing the standby's replay
// makes replication lag as long as the test needs, so where each read went is plain to see.
const runs = process.env.TEST_DRIVER === 'postgres' && postgresBinaries() !== undefined;

describe.skipIf(!runs)('read replicas (DATABASE_REPLICA_URLS)', () => {
  let primary: PostgresServer;
  let standby: PostgresServer;
  let standbyAdmin: postgres.Sql;
  let connection: Connection;
  let services: AppServices;
  let server: TestApiServer;
  let key: string;
  let organization: Awaited<ReturnType<typeof createTestOrganization>>;

  beforeAll(async () => {
    primary = await startPostgresServer();
    const admin = postgres(primary.url(), { max: 1, onnotice: () => {} });
    await admin`create role clientele_owner login createdb createrole`;
    await admin`create database clientele owner clientele_owner`;
    await admin.end();
    const primaryUrl = primary.url('clientele', 'clientele_owner');
    const setup = await openConnection({ databaseUrl: primaryUrl, maxConnections: 2 });
    await migrate(setup);
    organization = await createTestOrganization(setup.db, 'Replicated');
    key = (await createTestApiKey(setup.db, organization.id, 'admin')).key;
    await setup.close();

    standby = await startStandby(primary);
    standbyAdmin = postgres(standby.url('clientele'), { max: 1, onnotice: () => {} });
    connection = await openConnection({
      databaseUrl: primaryUrl,
      replicaUrls: [standby.url('clientele', 'clientele_owner')],
      maxConnections: 4,
    });
    services = await createTestServices(connection);
    server = await startApiServer(connection, services);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    if (services) await stopServices(services);
    await connection?.close();
    await standbyAdmin?.end();
    await standby?.remove();
    await primary?.remove();
  });

  const pauseReplication = () => standbyAdmin`select pg_wal_replay_pause()`;
  const resumeReplication = () => standbyAdmin`select pg_wal_replay_resume()`;

  const rest = (method: string, path: string, body?: object) =>
    fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body && JSON.stringify(body),
    });

  // The same name every time: these are intended duplicates.
  const newCustomer = () => ({
    email: uniqueEmail('replica'),
    firstName: 'Rep',
    lastName: 'Lica',
    allowDuplicate: true,
  });

  it('reads on the replica and writes on the primary', async () => {
    await pauseReplication();
    try {
      const customer = newCustomer();
      const { email } = customer;
      const created = await rest('POST', '/customers', customer);
      expect(created.status).toBe(200);
      const { id } = (await created.json()) as { id: string };

      // The paused replica has not seen it: reads (and downloads) went there.
      expect((await rest('GET', `/customers/${id}`)).status).toBe(404);
      const list = (await (await rest('GET', '/customers?limit=100')).json()) as {
        items: { id: string }[];
      };
      expect(list.items.map((item) => item.id)).not.toContain(id);
      const download = await fetch(`${server.url}/api/exports/customers.csv`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(download.status).toBe(200);
      expect(await download.text()).not.toContain(email);

      // A write reads what it changes on the primary.
      const updated = await rest('PATCH', `/customers/${id}`, { company: 'Primary Ltd' });
      expect(updated.status).toBe(200);
      expect(((await updated.json()) as { company: string }).company).toBe('Primary Ltd');
    } finally {
      await resumeReplication();
    }
  });

  it('catches up once the replica replays', async () => {
    await pauseReplication();
    const { id } = (await (await rest('POST', '/customers', newCustomer())).json()) as {
      id: string;
    };
    expect((await rest('GET', `/customers/${id}`)).status).toBe(404);
    await resumeReplication();
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
      status = (await rest('GET', `/customers/${id}`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
  });

  it('reads what a request wrote on the primary, for the rest of that request', async () => {
    await pauseReplication();
    try {
      const caller = ownerCaller(services, organization);
      const created = await caller.customers.create(newCustomer());
      expect((await caller.customers.get({ id: created.id })).id).toBe(created.id);
      // Another request (a fresh context) reads the replica, which has not seen it.
      await expect(
        ownerCaller(services, organization).customers.get({ id: created.id }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await resumeReplication();
    }
  });

  it("keeps a browser's reads on the primary for a few seconds after it wrote", async () => {
    const { browser } = await signUpInBrowser(server, { name: 'Replica Reader' }, () => ({
      'x-forwarded-for': '198.51.100.9',
    }));
    await pauseReplication();
    try {
      // The session made a moment ago is found: sessions are looked up on the primary.
      expect((await browser.auth.me.query()).user).not.toBeNull();
      const created = await browser.customers.create.mutate(newCustomer());
      expect(sessionCookieOf(browser)).toMatch(/clientele_wrote=/);
      expect((await browser.customers.get.query({ id: created.id })).id).toBe(created.id);

      const sessionOnly = sessionCookieOf(browser)
        .split('; ')
        .filter((cookie) => cookie.startsWith('clientele_session='))
        .join('; ');
      const withoutMark = browserClient(server, () => ({ cookie: sessionOnly }));
      await expect(withoutMark.customers.get.query({ id: created.id })).rejects.toMatchObject({
        data: { code: 'NOT_FOUND' },
      });
    } finally {
      await resumeReplication();
    }
  });
});
