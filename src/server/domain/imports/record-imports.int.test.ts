import { describe, expect, it } from 'vitest';
import { createTestOrganization, ownerCaller } from '@/test/factories';
import { setupTestServices, testLogger } from '@/test/services';
import { runImport, type ImportJob } from './run-import';

const { services } = setupTestServices();

const runQueuedImports = () =>
  services().jobs.drain('import', (data) =>
    runImport({ db: services().db, jobs: services().jobs, logger: testLogger }, data as ImportJob),
  );

async function withOrganization() {
  const org = await createTestOrganization(services().db);
  return ownerCaller(services(), org);
}

type Api = Awaited<ReturnType<typeof withOrganization>>;

/** Previews a file as the wizard does, starts it with the suggested mapping, and runs it. */
async function importFile(
  api: Api,
  kind: 'companies' | 'deals',
  lines: string[],
  duplicates: 'skip' | 'update' = 'skip',
) {
  const csv = lines.join('\n');
  const { suggestedMapping } = await api.imports.preview({ kind, csv });
  const started = await api.imports.start({
    kind,
    filename: `${kind}.csv`,
    csv,
    mapping: suggestedMapping,
    duplicates,
  });
  await runQueuedImports();
  return api.imports.get({ id: started.id });
}

describe('CSV import of companies', () => {
  const FILE = [
    'Company name,Website,Domain,Industry,Employees,Tags,City',
    'Analytical Engines,https://engines.example,engines.example,Computing,11 – 50,vip;eu,London',
    'Difference Ltd,,https://www.difference.example/about,,,,',
    'Hollerith,,,Tabulating,,,New York',
    'analytical engines,,,,,,Paris',
    'Broken,,not a domain,,,,',
    'Sized Wrong,,,,huge,,',
  ];

  it('suggests the mapping from the header names of a company file', async () => {
    const api = await withOrganization();
    const preview = await api.imports.preview({ kind: 'companies', csv: FILE.join('\n') });
    expect(preview.suggestedMapping).toEqual({
      'Company name': 'name',
      Website: 'website',
      Domain: 'domain',
      Industry: 'industry',
      Employees: 'size',
      Tags: 'tags',
      City: 'city',
    });
  });

  it('creates companies, once per name or domain, and reports the bad rows', async () => {
    const api = await withOrganization();
    const done = await importFile(api, 'companies', FILE);
    expect(done).toMatchObject({
      kind: 'companies',
      status: 'completed',
      createdCount: 3,
      skippedCount: 1,
      errorCount: 2,
    });
    expect(done.errors.map((issue) => [issue.line, issue.field])).toEqual([
      [6, 'domain'],
      [7, 'size'],
    ]);
    const companies = (await api.companies.list({ sort: 'name', order: 'asc' })).items;
    expect(
      companies.map((c) => [c.name, c.domain, c.size, c.tags, c.address?.city ?? null]),
    ).toEqual([
      ['Analytical Engines', 'engines.example', '11-50', ['vip', 'eu'], 'London'],
      ['Difference Ltd', 'difference.example', null, [], null],
      ['Hollerith', null, null, [], 'New York'],
    ]);
    expect((await api.audit.list({ action: 'company.imported' })).items).toHaveLength(3);
    expect((await api.audit.list({ action: 'company_import.completed' })).items).toHaveLength(1);
  });

  it('matches known companies by domain, else by name, and updates them when asked', async () => {
    const api = await withOrganization();
    const byDomain = await api.companies.create({ name: 'Engines', domain: 'engines.example' });
    const byName = await api.companies.create({ name: 'HOLLERITH', industry: 'Punch cards' });
    const other = await api.companies.create({ name: 'Difference Ltd', domain: 'other.example' });
    const done = await importFile(
      api,
      'companies',
      [
        'Name,Domain,Industry',
        'Analytical Engines,ENGINES.example,Computing',
        'hollerith,,Tabulating',
        'Difference Ltd,difference.example,Engines',
      ],
      'update',
    );
    expect(done).toMatchObject({ createdCount: 1, updatedCount: 2, errorCount: 0 });
    expect(await api.companies.get({ id: byDomain.id })).toMatchObject({
      name: 'Analytical Engines',
      industry: 'Computing',
      version: 2,
    });
    expect(await api.companies.get({ id: byName.id })).toMatchObject({
      name: 'hollerith',
      industry: 'Tabulating',
    });
    // The same name at another domain is another company.
    expect(done.updatedCount + done.createdCount + done.skippedCount).toBe(3);
    expect(await api.companies.get({ id: other.id })).toMatchObject({ version: 1 });
    expect((await api.companies.list({ domain: 'difference.example' })).items).toHaveLength(1);
  });
});

describe('CSV import counts', () => {
  it('counts every row once, a company repeated in the file as an update when updating', async () => {
    const api = await withOrganization();
    const done = await importFile(
      api,
      'companies',
      ['Name,Industry', 'Globex,Energy', 'GLOBEX,Utilities', 'Initech,'],
      'update',
    );
    expect(done).toMatchObject({ createdCount: 2, updatedCount: 1, skippedCount: 0 });
    const globex = (await api.companies.list({ q: 'globex' })).items;
    expect(globex.map((c) => [c.name, c.industry])).toEqual([['GLOBEX', 'Utilities']]);
  });
});

describe('CSV import of deals', () => {
  async function withPeople() {
    const api = await withOrganization();
    const owner = (await api.members.list({})).items[0]!;
    const ada = await api.customers.create({ firstName: 'Ada', email: 'ada@example.com' });
    const grace = await api.customers.create({ firstName: 'Grace', email: 'grace@example.com' });
    const engines = await api.companies.create({ name: 'Analytical Engines' });
    return { api, owner, ada, grace, engines };
  }

  it('creates deals in the named stages, with their people, owner and company', async () => {
    const { api, owner, ada, grace, engines } = await withPeople();
    const done = await importFile(api, 'deals', [
      'Deal name,Value,Currency,Stage,Close date,Company,Contact email,Owner e-mail',
      `Pilot,"$12,000.50",usd,Proposal,2027-01-31,analytical engines,ada@example.com; grace@example.com,${owner.email}`,
      'Renewal,900,EUR,,,New Co,,',
      'Won one,100,JPY,won,,,,',
      'Bad stage,1,USD,Signed,,,,',
      'Unknown person,1,USD,,,,nobody@example.com,',
      'Bad amount,12.345,USD,,,,,',
      'Bad date,1,USD,,31/01/2027,,,',
    ]);
    expect(done).toMatchObject({ kind: 'deals', createdCount: 3, errorCount: 4 });
    expect(done.errors.map((issue) => [issue.line, issue.field])).toEqual([
      [5, 'stage'],
      [6, 'email'],
      [7, 'amount'],
      [8, 'expectedCloseDate'],
    ]);
    const deals = new Map((await api.deals.list({ limit: 10 })).items.map((d) => [d.title, d]));
    const pipeline = (await api.pipelines.list({})).items[0]!;
    const stage = (name: string) => pipeline.stages.find((s) => s.name === name)!.id;
    expect(deals.get('Pilot')).toMatchObject({
      stageId: stage('Proposal'),
      amountCents: 1_200_050,
      currency: 'USD',
      expectedCloseDate: '2027-01-31',
      companyId: engines.id,
      ownerId: owner.userId,
      status: 'open',
    });
    expect(new Set(deals.get('Pilot')!.customerIds)).toEqual(new Set([ada.id, grace.id]));
    expect(deals.get('Renewal')).toMatchObject({ stageId: stage('Lead in'), amountCents: 90_000 });
    const newCo = await api.companies.get({ id: deals.get('Renewal')!.companyId! });
    expect(newCo.name).toBe('New Co');
    expect(deals.get('Won one')).toMatchObject({ status: 'won', amountCents: 100 });
    expect((await api.deals.stageHistory({ id: deals.get('Pilot')!.id })).items).toHaveLength(1);
    expect((await api.audit.list({ action: 'deal.imported' })).items).toHaveLength(3);
  });

  it('skips or updates a deal of the same title at the same company', async () => {
    const { api, engines } = await withPeople();
    const known = await api.deals.create({
      title: 'Pilot',
      amountCents: 100,
      currency: 'USD',
      companyId: engines.id,
    });
    const file = [
      'Title,Amount,Company,Stage',
      'pilot,250,Analytical Engines,Negotiation',
      'Pilot,300,Elsewhere,',
    ];
    expect(await importFile(api, 'deals', file)).toMatchObject({
      createdCount: 1,
      skippedCount: 1,
    });
    expect(await api.deals.get({ id: known.id })).toMatchObject({ amountCents: 100, version: 1 });

    expect(await importFile(api, 'deals', file.slice(0, 2), 'update')).toMatchObject({
      createdCount: 0,
      updatedCount: 1,
    });
    const pipeline = (await api.pipelines.list({})).items[0]!;
    expect(await api.deals.get({ id: known.id })).toMatchObject({
      amountCents: 25_000,
      stageId: pipeline.stages.find((s) => s.name === 'Negotiation')!.id,
    });
    expect((await api.deals.stageHistory({ id: known.id })).items).toHaveLength(2);
  });

  it('refuses a mapping with a field of another kind, or without a title', async () => {
    const api = await withOrganization();
    const start = (mapping: Record<string, string>) =>
      api.imports
        .start({
          kind: 'deals',
          filename: 'x.csv',
          csv: 'a,b\n1,2',
          mapping: mapping as never,
        })
        .then(
          () => 'started',
          (error: { code: string; message: string }) => error.message,
        );
    expect(await start({ a: 'title', b: 'firstName' })).toMatch(
      /firstName is not a field of deals/,
    );
    expect(await start({ a: 'amount' })).toMatch(/map a column to Title/);
  });
});
