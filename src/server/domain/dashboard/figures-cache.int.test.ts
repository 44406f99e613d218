import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sharedCache } from '@/server/cache/shared-cache';
import { customers } from '@/server/db/schema';
import { withTenant } from '@/server/db/tenant';
import { stopServices, type AppServices } from '@/server/services';
import { ownerCaller, organizationWithOwner } from '@/test/factories';
import { createTestServices, setupTestServices, testLogger } from '@/test/services';
import { FiguresCache } from './figures-cache';

const { services, connection } = setupTestServices();

const others: AppServices[] = [];
afterAll(async () => {
  for (const other of others) await stopServices(other);
});
async function anotherInstance(overrides: Parameters<typeof createTestServices>[1]) {
  const other = await createTestServices(connection(), overrides);
  others.push(other);
  return other;
}

type Counts = { status: string; count: number }[];
const countOf = (counts: Counts, status: string) => counts.find((c) => c.status === status)?.count;

/**
 * Churns a customer without an audit row, as no path of the app does: a change the cache cannot
 * know of, so that a kept figure shows itself.
 */
async function churnUnaudited(organizationId: string, customerId: string) {
  await withTenant(services().db, organizationId, (tx) =>
    tx.update(customers).set({ status: 'churned' }).where(eq(customers.id, customerId)),
  );
}

describe('the dashboard figures cache', () => {
  it('keeps a figure until the organization changes, then computes it anew', async () => {
    const { org, api } = await organizationWithOwner(services());
    const ada = await api.customers.create({ firstName: 'Ada', status: 'active' });
    expect(countOf(await api.dashboard.customersByStatus(), 'active')).toBe(1);

    await churnUnaudited(org.id, ada.id);
    expect(countOf(await api.dashboard.customersByStatus(), 'active')).toBe(1);

    await api.customers.create({ firstName: 'Bob', status: 'lead' });
    const counts = await api.dashboard.customersByStatus();
    expect([
      countOf(counts, 'active'),
      countOf(counts, 'churned'),
      countOf(counts, 'lead'),
    ]).toEqual([0, 1, 1]);
  });

  it('keeps each figure under its own name and input', async () => {
    const { org } = await organizationWithOwner(services());
    const figures = services().figures;
    let computed = 0;
    const compute = async () => ++computed;
    await withTenant(services().db, org.id, async (tx) => {
      expect(await figures.figure(tx, 'pipeline:30', z.number(), compute)).toBe(1);
      expect(await figures.figure(tx, 'pipeline:90', z.number(), compute)).toBe(2);
      expect(await figures.figure(tx, 'pipeline:30', z.number(), compute)).toBe(1);
    });
  });

  it('computes anew a kept figure of another shape, as another version of the app kept it', async () => {
    const { org } = await organizationWithOwner(services());
    const store = sharedCache({ kind: 'memory' }, testLogger);
    const [older, newer] = [new FiguresCache(store, 60), new FiguresCache(store, 60)];
    await withTenant(services().db, org.id, async (tx) => {
      expect(await older.figure(tx, 'total', z.number(), async () => 1)).toBe(1);
      expect(await newer.figure(tx, 'total', z.number(), async () => 2)).toBe(1);
      expect(await newer.figure(tx, 'total', z.string(), async () => 'one')).toBe('one');
    });
  });

  it('computes every figure when turned off', async () => {
    const off = await anotherInstance({ dashboardCacheSeconds: 0 });
    const { org } = await organizationWithOwner(off);
    const api = ownerCaller(off, org);
    const ada = await api.customers.create({ firstName: 'Ada', status: 'active' });
    expect(countOf(await api.dashboard.customersByStatus(), 'active')).toBe(1);

    await churnUnaudited(org.id, ada.id);
    expect(countOf(await api.dashboard.customersByStatus(), 'active')).toBe(0);
  });

  it.skipIf(!process.env.REDIS_URL)(
    'shares figures between instances through Redis, each seeing a change made through the other',
    async () => {
      const redis = { kind: 'redis' as const, url: process.env.REDIS_URL! };
      const first = await anotherInstance({ rateLimit: redis });
      const second = await anotherInstance({ rateLimit: redis });
      const { org } = await organizationWithOwner(first);
      const [viaFirst, viaSecond] = [ownerCaller(first, org), ownerCaller(second, org)];
      const ada = await viaFirst.customers.create({ firstName: 'Ada', status: 'active' });
      expect(countOf(await viaFirst.dashboard.customersByStatus(), 'active')).toBe(1);

      await churnUnaudited(org.id, ada.id);
      expect(countOf(await viaSecond.dashboard.customersByStatus(), 'active')).toBe(1);

      await viaSecond.customers.create({ firstName: 'Bob', status: 'active' });
      expect(countOf(await viaFirst.dashboard.customersByStatus(), 'churned')).toBe(1);
    },
  );

  it('computes figures while Redis does not answer', async () => {
    // Nothing listens on this port: every read misses and every write is skipped, at once.
    const away = sharedCache({ kind: 'redis', url: 'redis://127.0.0.1:3941' }, testLogger);
    try {
      const { org } = await organizationWithOwner(services());
      const figures = new FiguresCache(away, 60);
      let computed = 0;
      await withTenant(services().db, org.id, async (tx) => {
        await figures.figure(tx, 'a', z.number(), async () => ++computed);
        await figures.figure(tx, 'a', z.number(), async () => ++computed);
      });
      expect(computed).toBe(2);
      expect(await away.get('anything')).toBeUndefined();
    } finally {
      await away.close();
    }
  });
});
