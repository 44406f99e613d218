import { describe, expect, it } from 'vitest';
import { setupTestServices } from '@/test/services';
import { newMemberCaller, organizationWithOwner } from '@/test/factories';

const { services } = setupTestServices();

describe('tags.list', () => {
  it('lists the tags of live customers and companies, the most used first, then by name', async () => {
    const { api } = await organizationWithOwner(services());
    await api.customers.create({ firstName: 'Ada', lastName: 'Lovelace', tags: ['vip', 'eu'] });
    await api.customers.create({ firstName: 'Alan', lastName: 'Turing', tags: ['vip'] });
    await api.companies.create({ name: 'Initech', tags: ['partner', 'eu', 'vip'] });
    const gone = await api.customers.create({
      firstName: 'Grace',
      lastName: 'Hopper',
      tags: ['former'],
    });
    await api.customers.delete({ id: gone.id });

    expect(await api.tags.list()).toEqual([
      { tag: 'vip', uses: 3 },
      { tag: 'eu', uses: 2 },
      { tag: 'partner', uses: 1 },
    ]);
  });

  it('shows only the organization’s own tags, to every role that reads customers', async () => {
    const mine = await organizationWithOwner(services());
    const theirs = await organizationWithOwner(services());
    await mine.api.customers.create({ firstName: 'Ada', lastName: 'Lovelace', tags: ['ours'] });
    await theirs.api.customers.create({ firstName: 'Bob', lastName: 'Other', tags: ['theirs'] });

    const viewer = await newMemberCaller(services(), mine.org, 'viewer');
    expect(await viewer.tags.list()).toEqual([{ tag: 'ours', uses: 1 }]);
  });

  it('is empty for an organization without tags', async () => {
    const { api } = await organizationWithOwner(services());
    expect(await api.tags.list()).toEqual([]);
  });
});
