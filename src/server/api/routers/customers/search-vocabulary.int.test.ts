import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pgErrorOf } from '@/server/db/repositories/pg-errors';
import { rows } from '@/server/db/rows';
import { withTenant } from '@/server/db/tenant';
import { runMaintenance } from '@/server/jobs/maintenance';
import { setupTestServices } from '@/test/services';
import { organizationWithOwner, type TestOrganization } from '@/test/factories';

const { services } = setupTestServices();

/** The words of the organization's vocabulary a search word may stand for, as its search sees them. */
async function nearWords(org: TestOrganization, word: string) {
  const result = await withTenant(services().db, org.id, (tx) =>
    tx.execute(sql`select clientele_search_words(${word}) as word`),
  );
  return rows<{ word: string }>(result)
    .map((row) => row.word)
    .sort();
}

const names = (page: { items: { firstName: string; lastName: string }[] }) =>
  page.items.map((c) => `${c.firstName} ${c.lastName}`);

describe('the search vocabulary', () => {
  it("suggests an organization's own words only", async () => {
    const mine = await organizationWithOwner(services());
    const theirs = await organizationWithOwner(services());
    await mine.api.customers.create({ firstName: 'Bartholomew', lastName: 'Quennell' });

    expect(await nearWords(mine.org, 'quenel')).toEqual(['quennell']);
    expect(names(await mine.api.customers.list({ q: 'Bartolomew Quenel' }))).toEqual([
      'Bartholomew Quennell',
    ]);
    expect(await nearWords(theirs.org, 'quenel')).toEqual([]);
    expect((await theirs.api.customers.list({ q: 'Quenel' })).items).toEqual([]);
  });

  it('includes a search word that starts a word, and nothing too far from it', async () => {
    const { org, api } = await organizationWithOwner(services());
    await api.customers.create({ firstName: 'Wilhelmina', lastName: 'Stroud' });
    expect(await nearWords(org, 'wilhel')).toEqual(['wilhel']);
    expect(await nearWords(org, 'strode')).toEqual(['stroud']);
    expect(await nearWords(org, 'strauss')).toEqual([]);
  });

  it('learns new names as customers are renamed and restored', async () => {
    const { org, api } = await organizationWithOwner(services());
    const customer = await api.customers.create({ firstName: 'Ottoline', lastName: 'Marsh' });
    await api.customers.update({ id: customer.id, lastName: 'Pemberton' });
    expect(names(await api.customers.list({ q: 'Pembertom' }))).toEqual(['Ottoline Pemberton']);

    await api.customers.delete({ id: customer.id });
    await runMaintenance(services().db, { notificationRetentionDays: 90 });
    expect(await nearWords(org, 'pembertom')).toEqual([]);
    await api.customers.restore({ id: customer.id });
    expect(names(await api.customers.list({ q: 'Pembertom' }))).toEqual(['Ottoline Pemberton']);
  });

  it('loses the words no live customer uses in the hourly upkeep', async () => {
    const { org, api } = await organizationWithOwner(services());
    const gone = await api.customers.create({ firstName: 'Zephyrine', lastName: 'Oakhurst' });
    await api.customers.create({ firstName: 'Zephyrine', lastName: 'Ashdown' });
    await api.customers.delete({ id: gone.id });
    // Until the upkeep, a deleted customer's words only cost a search its walk.
    expect(await nearWords(org, 'oakhurts')).toEqual(['oakhurst']);
    expect((await api.customers.list({ q: 'Oakhurts' })).items).toEqual([]);

    const done = await runMaintenance(services().db, { notificationRetentionDays: 90 });
    expect(done.searchWordsDeleted).toBeGreaterThanOrEqual(1);
    expect(await nearWords(org, 'oakhurts')).toEqual([]);
    expect(await nearWords(org, 'zephyrin')).toEqual(['zephyrin', 'zephyrine']);
  });

  it('is out of reach of the tenant role but through its function', async () => {
    const { org } = await organizationWithOwner(services());
    const error = await withTenant(services().db, org.id, (tx) =>
      tx.execute(sql`select word from customer_search_words`),
    ).catch((e: unknown) => e);
    expect(pgErrorOf(error)?.code).toBe('42501');
  });
});
