import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomClientAddress, sessionCookieOf, signUpInBrowser } from '@/test/browser-client';
import { openChangeStream } from '@/test/change-stream';
import { uniqueEmail } from '@/test/factories';
import { startInstance, stopAllInstances, type Instance } from '@/test/instances';
import { pgbouncerInstalled, startPgBouncer, type PgBouncer } from '@/bench/pgbouncer';

// The app behind PgBouncer 1.18 in transaction mode (before 1.21, which keeps prepared
// statements itself): two server sessions for the app's pool of six, so consecutive
// transactions of one pooled connection run on different sessions.
const runs = process.env.TEST_DRIVER === 'postgres' && pgbouncerInstalled();

describe.skipIf(!runs)('behind a transaction-mode pooler (PgBouncer)', () => {
  let pooler: PgBouncer;
  let app: Instance;
  let pooledUrl: string;
  const base = () => ({
    DATABASE_URL: pooledUrl,
    MIGRATION_DATABASE_URL: inject('testMigrationDatabaseUrl'),
    DATABASE_POOL_SIZE: '6',
    REDIS_URL: process.env.REDIS_URL ?? '',
    TRUST_PROXY: '1',
  });

  beforeAll(async () => {
    const direct = inject('testDatabaseUrl');
    const owner = new URL(inject('testMigrationDatabaseUrl')).username;
    pooler = await startPgBouncer(direct, [new URL(direct).username, owner]);
    pooledUrl = pooler.through(direct);
    app = await startInstance({
      ...base(),
      DATABASE_POOLER: 'transaction',
      DATABASE_DIRECT_URL: direct,
    });
  }, 240_000);

  afterAll(async () => {
    await stopAllInstances();
    await pooler?.stop();
  });

  it('is refused by the pooler without the setting, which sends what it cannot pass on', async () => {
    await expect(startInstance(base())).rejects.toThrow(
      /unsupported startup parameter: statement_timeout/,
    );
  });

  it('serves concurrent requests through it, and hears changes over the direct session', async () => {
    const { browser } = await signUpInBrowser(app, { name: 'Pooled' }, () => ({
      'x-forwarded-for': randomClientAddress(),
    }));
    const { key } = await browser.apiKeys.create.mutate({ name: 'pooled', role: 'admin' });
    const stream = await openChangeStream(app, { cookie: sessionCookieOf(browser) });
    const transactionsBefore = servedTransactions(await pooler.show('stats'));
    try {
      const rest = (method: string, path: string, body?: object) =>
        fetch(`${app.url}/api/v1${path}`, {
          method,
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: body && JSON.stringify(body),
        });
      const writes = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          rest('POST', '/customers', {
            email: uniqueEmail('pooled'),
            firstName: 'Pooled',
            lastName: `Writer ${i}`,
          }),
        ),
      );
      expect(writes.map((answer) => answer.status)).toEqual(writes.map(() => 200));
      const created = (await Promise.all(writes.map((answer) => answer.json()))) as {
        id: string;
      }[];
      const reads = await Promise.all(
        created.map(({ id }) => rest('GET', `/customers/${id}`).then((answer) => answer.status)),
      );
      expect(reads).toEqual(created.map(() => 200));
      const listed = (await (await rest('GET', '/customers?limit=100')).json()) as {
        items: { id: string }[];
      };
      expect(listed.items.map(({ id }) => id).sort()).toEqual(created.map(({ id }) => id).sort());

      await expect
        .poll(
          () => created.every(({ id }) => stream.received.some((change) => change.entityId === id)),
          {
            timeout: 20_000,
          },
        )
        .toBe(true);
      expect(servedTransactions(await pooler.show('stats'))).toBeGreaterThan(
        transactionsBefore + created.length * 2,
      );
    } finally {
      stream.close();
    }
    // Readiness, which asks on a connection of its own, answers through the pooler too.
    const ready = await Promise.all(
      Array.from({ length: 10 }, () =>
        fetch(`${app.url}/api/ready`).then((answer) => answer.status),
      ),
    );
    expect(ready).toEqual(ready.map(() => 200));
    // The login has no statement timeout of its own, which the pooler keeps the app from setting.
    expect(app.output()).toMatch(/Behind a transaction pooler, DATABASE_STATEMENT_TIMEOUT_MS/);
  });
});

/** The transactions PgBouncer has served, over all its databases (SHOW STATS). */
function servedTransactions(stats: string) {
  return (JSON.parse(stats) as { total_xact_count: string }[]).reduce(
    (sum, row) => sum + Number(row.total_xact_count),
    0,
  );
}
