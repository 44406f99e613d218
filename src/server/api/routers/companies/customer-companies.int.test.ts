import { describe, expect, it } from 'vitest';
import { auditLogs } from '@/server/db/schema';
import { withTenant } from '@/server/db/tenant';
import { refusal } from '@/test/error-codes';
import { organizationWithOwner } from '@/test/factories';
import { setupTestServices } from '@/test/services';

// Customers link companies by id or by name, and are warned of a probable duplicate.
const { services } = setupTestServices();
const newOrganization = () => organizationWithOwner(services());
const auditTrail = (organizationId: string) =>
  withTenant(services().db, organizationId, (tx) => tx.select().from(auditLogs));

describe('customers and their companies', () => {
  it('links a customer by company name, creating the company once, audited', async () => {
    const { org, api } = await newOrganization();
    const ada = await api.customers.create({ firstName: 'Ada', company: 'Analytical Engines' });
    expect(ada.companyId).toEqual(expect.any(String));
    const company = await api.companies.get({ id: ada.companyId! });
    expect(company.name).toBe('Analytical Engines');
    const charles = await api.customers.create({
      firstName: 'Charles',
      company: ' analytical ENGINES ',
    });
    expect(charles).toMatchObject({ companyId: company.id, company: 'Analytical Engines' });
    const created = (await auditTrail(org.id)).filter((row) => row.action === 'company.created');
    expect(created).toHaveLength(1);
    const people = await api.companies.customers({ id: company.id });
    expect(people.items.map((c) => c.firstName)).toEqual(['Ada', 'Charles']);
  });

  it('creates one company when several people name a new one at once', async () => {
    const { org, api } = await newOrganization();
    const people = await Promise.all(
      ['Grace', 'Alan', 'Edsger', 'Barbara'].map((firstName) =>
        api.customers.create({ firstName, lastName: 'Pioneer', company: 'Difference Works' }),
      ),
    );
    expect(new Set(people.map((person) => person.companyId)).size).toBe(1);
    const created = (await auditTrail(org.id)).filter((row) => row.action === 'company.created');
    expect(created).toHaveLength(1);
  });

  it('links by companyId (which wins over a name) and refuses another organization’s', async () => {
    const { api } = await newOrganization();
    const { api: otherApi } = await newOrganization();
    const mine = await api.companies.create({ name: 'Mine' });
    const theirs = await otherApi.companies.create({ name: 'Theirs' });
    const linked = await api.customers.create({
      firstName: 'Grace',
      companyId: mine.id,
      company: 'Something else',
    });
    expect(linked).toMatchObject({ companyId: mine.id, company: 'Mine' });
    const error = await refusal(api.customers.create({ firstName: 'Joan', companyId: theirs.id }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.details.issues?.[0]?.path).toEqual(['companyId']);
    const unlinked = await api.customers.update({ id: linked.id, companyId: null });
    expect(unlinked).toMatchObject({ companyId: null, company: null });
  });

  it('writes a new company name into its people, changing their updatedAt', async () => {
    const { api } = await newOrganization();
    const person = await api.customers.create({ firstName: 'Linus', company: 'Initech' });
    const since = new Date();
    await api.companies.update({ id: person.companyId!, name: 'Initrode' });
    const after = await api.customers.get({ id: person.id });
    expect(after).toMatchObject({ company: 'Initrode', companyId: person.companyId });
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(since.getTime());
    const resync = await api.customers.list({ updatedSince: since });
    expect(resync.items.map((c) => c.id)).toEqual([person.id]);
    expect((await api.customers.list({ q: 'initrode' })).items).toHaveLength(1);
  });

  it('warns of a customer with a very similar name, unless allowDuplicate', async () => {
    const { api } = await newOrganization();
    const ada = await api.customers.create({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
    });
    const error = await refusal(api.customers.create({ firstName: 'ada ', lastName: 'LOVELACE' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.details.candidates).toEqual([
      { id: ada.id, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
    ]);
    const sameEmail = await refusal(
      api.customers.create({ firstName: 'Ada', lastName: 'Lovelace', email: 'ADA@example.com' }),
    );
    expect(sameEmail.details.issues?.[0]?.path).toEqual(['email']);
    await expect(
      api.customers.create({ firstName: 'Ada', lastName: 'Lovelace', allowDuplicate: true }),
    ).resolves.toMatchObject({ firstName: 'Ada' });
  });

  it('takes a near first name of the same family for the same person, and nothing else', async () => {
    const { api } = await newOrganization();
    const john = await api.customers.create({ firstName: 'John', lastName: 'Smith' });
    await api.customers.create({ firstName: 'Person', lastName: 'Number 25' });

    const jon = await refusal(api.customers.create({ firstName: 'Jon', lastName: 'smith' }));
    expect(jon.details.candidates).toEqual([expect.objectContaining({ id: john.id })]);
    // Other people: another first name of the family, another family, another number.
    for (const [firstName, lastName] of [
      ['Jane', 'Smith'],
      ['John', 'Smithson'],
      ['Person', 'Number 26'],
    ]) {
      await expect(
        api.customers.create({ firstName: firstName!, lastName: lastName! }),
      ).resolves.toMatchObject({ firstName, lastName });
    }
  });
});
