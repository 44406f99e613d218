import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withIdentity } from '@/server/db/tenant';
import { stopServices, type AppServices } from '@/server/services';
import { createTestApiKey } from '@/test/api-keys';
import { startApiServer, type TestApiServer } from '@/test/api-server';
import { browserClient } from '@/test/browser-client';
import { setupTestDatabase } from '@/test/database';
import { createTestOrganization, uniqueEmail } from '@/test/factories';
import { createTestServices } from '@/test/services';

const onPostgres = process.env.TEST_DRIVER === 'postgres';
const connection = setupTestDatabase();
let services: AppServices;
let server: TestApiServer;

beforeAll(async () => {
  services = await createTestServices(connection(), {
    limits: { restPerKey: 2, restPerOrganization: 100, trpcPerUser: 100 },
    rateLimitOverrides: {
      'sign-in:account-ip': { limit: 1, windowSeconds: 900, failClosed: true },
    },
  });
  server = await startApiServer(connection(), services);
});
afterAll(async () => {
  await server.close();
  await stopServices(services);
});

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** /api/metrics, read as Prometheus reads it. */
async function scrape(): Promise<Sample[]> {
  const res = await fetch(`${server.url}/api/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return (await res.text())
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`Not a sample line: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, k, v]) => [k, v]),
      );
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}) {
  return samples.find(
    (sample) =>
      sample.name === name &&
      Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  )?.value;
}

describe('job queues', () => {
  it('reports the depth of every queue, read from the database at scrape time', async () => {
    await withIdentity(services.db, async (tx) => {
      await services.jobs.enqueue(tx, 'webhook', { measured: true });
      await services.jobs.enqueue(tx, 'webhook', { measured: true });
    });
    const samples = await scrape();
    for (const queue of ['mail', 'import', 'webhook', 'maintenance']) {
      expect(valueOf(samples, 'clientele_job_queue_depth', { queue })).toBeGreaterThanOrEqual(0);
      const active = valueOf(samples, 'clientele_job_queue_active', { queue });
      if (onPostgres) expect(active).toBeGreaterThanOrEqual(0);
      else expect(active).toBe(0);
    }
    const webhooks = valueOf(samples, 'clientele_job_queue_depth', { queue: 'webhook' });
    // The PostgreSQL run shares its database (and so its queues) with test files running
    // alongside; PGlite's database is this file's alone.
    if (onPostgres) expect(webhooks).toBeGreaterThanOrEqual(2);
    else expect(webhooks).toBe(2);
    expect(valueOf(samples, 'clientele_job_queue_stats_failures_total')).toBe(0);
  });
});

describe('database pool', () => {
  it.runIf(onPostgres)(
    'counts connections held by transactions and statements, and what waits beyond the pool',
    async () => {
      const size = 5; // openTestConnection's pool
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let started = 0;
      const holders = Array.from({ length: size + 2 }, () =>
        services.db.transaction(async (tx) => {
          started += 1;
          await tx.execute(sql`select 1`);
          await released;
        }),
      );
      while (started < size) await new Promise((resolve) => setTimeout(resolve, 10));

      const busy = await scrape();
      expect(valueOf(busy, 'clientele_db_pool_size', { pool: 'primary' })).toBe(size);
      expect(valueOf(busy, 'clientele_db_pool_connections_in_use', { pool: 'primary' })).toBe(size);
      expect(valueOf(busy, 'clientele_db_pool_waiting', { pool: 'primary' })).toBe(2);

      release();
      await Promise.all(holders);
      const idle = await scrape();
      expect(valueOf(idle, 'clientele_db_pool_connections_in_use', { pool: 'primary' })).toBe(0);
      expect(valueOf(idle, 'clientele_db_pool_waiting', { pool: 'primary' })).toBe(0);
    },
  );

  it.runIf(onPostgres)('counts failed statements by SQLSTATE', async () => {
    await expect(services.db.execute(sql`select 1 / 0`)).rejects.toThrow();
    await expect(services.db.transaction((tx) => tx.execute(sql`select 1 / 0`))).rejects.toThrow();
    // Once per failure, though the transaction failed with the statement.
    expect(
      valueOf(await scrape(), 'clientele_db_errors_total', { pool: 'primary', code: '22012' }),
    ).toBe(2);
  });

  it.skipIf(onPostgres)('PGlite is one in-process connection: no pool to report', async () => {
    expect(valueOf(await scrape(), 'clientele_db_pool_size')).toBeUndefined();
  });
});

describe('rate limits', () => {
  it('counts every refusal: REST and tRPC by key, sign-in by account', async () => {
    const organization = await createTestOrganization(services.db);
    const restKey = (await createTestApiKey(services.db, organization.id)).key;
    const trpcKey = (await createTestApiKey(services.db, organization.id)).key;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${server.url}/api/v1/me`, {
        headers: { authorization: `Bearer ${restKey}` },
      });
      statuses.push(res.status);
      const trpc = await fetch(
        `${server.url}/api/trpc/customers.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`,
        {
          headers: { authorization: `Bearer ${trpcKey}` },
        },
      );
      statuses.push(trpc.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);

    const browser = browserClient(server);
    const email = uniqueEmail('guessed');
    const attempts = await Promise.all(
      [1, 2].map(() =>
        browser.auth.signIn.mutate({ email, password: 'not the password' }).then(
          () => 'signed in',
          (error: { data?: { code?: string } }) => error.data?.code,
        ),
      ),
    );
    expect(attempts.sort()).toEqual(['TOO_MANY_REQUESTS', 'UNAUTHORIZED']);

    const samples = await scrape();
    expect(
      valueOf(samples, 'clientele_rate_limit_rejections_total', {
        rule: 'api:key',
        reason: 'limit',
      }),
    ).toBe(2);
    expect(
      valueOf(samples, 'clientele_rate_limit_rejections_total', {
        rule: 'sign-in:account-ip',
        reason: 'limit',
      }),
    ).toBe(1);
    expect(
      valueOf(samples, 'clientele_procedure_calls_total', {
        procedure: 'customers.list',
        door: 'trpc',
        code: 'TOO_MANY_REQUESTS',
      }),
    ).toBe(1);
  });
});
