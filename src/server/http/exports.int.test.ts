import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'csv-parse/sync';
import pino from 'pino';
import type * as CustomersRepository from '@/server/db/repositories/customers';
import { customers } from '@/server/db/schema';
import { withTenant } from '@/server/db/tenant';
import { stopServices } from '@/server/services';
import { startApiServer, type TestApiServer } from '@/test/api-server';
import { createTestApiKey } from '@/test/api-keys';
import { browserClient, sessionCookieOf } from '@/test/browser-client';
import {
  createTestOrganization,
  ownerCaller,
  uniqueEmail,
  type TestOrganization,
} from '@/test/factories';
import { createTestServices, setupTestServices } from '@/test/services';

/** Makes the customers' pages fail after this many, as a database lost midway would. */
const midway = vi.hoisted(() => ({ pagesBeforeFailure: Number.POSITIVE_INFINITY }));
vi.mock('@/server/db/repositories/customers', async (importOriginal) => {
  const actual = await importOriginal<typeof CustomersRepository>();
  return {
    ...actual,
    customersAfter: async (...args: Parameters<typeof actual.customersAfter>) => {
      if (midway.pagesBeforeFailure <= 0) throw new Error('the database went away midway');
      midway.pagesBeforeFailure -= 1;
      return actual.customersAfter(...args);
    },
  };
});

const { connection, services } = setupTestServices();
let server: TestApiServer;
let org: TestOrganization;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  server = await startApiServer(connection(), services(), { logger });
  org = await createTestOrganization(services().db);
  const api = ownerCaller(services(), org);
  await api.customers.create({
    firstName: '=HYPERLINK("http://evil.example","click")',
    lastName: 'Formula',
    status: 'lead',
  });
  await api.customers.create({
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    status: 'active',
    ownerId: org.ownerId,
    tags: ['vip', 'eu'],
    address: { city: 'London' },
  });
});
afterAll(() => server.close());

const download = async (path: string, key: string) =>
  fetch(`${server.url}/api/exports/${path}`, { headers: { authorization: `Bearer ${key}` } });

describe('CSV exports', () => {
  it('stream the filtered customers with spreadsheet formulas neutralised, and are audited', async () => {
    const { key } = await createTestApiKey(services().db, org.id, 'manager');
    const res = await download('customers.csv', key);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="customers-test-.*\.csv"/,
    );
    const rows = parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      'ID',
      'Email',
      'First name',
      'Last name',
      'Company',
      'Phone',
      'Status',
      'Tags',
      'Owner',
      'Address line 1',
      'Address line 2',
      'City',
      'Region',
      'Postal code',
      'Country',
      'Created',
      'Updated',
    ]);
    expect(rows.map((row) => row['First name']).sort()).toEqual([
      '\'=HYPERLINK("http://evil.example","click")',
      'Ada',
    ]);
    expect(rows.find((row) => row['First name'] === 'Ada')).toMatchObject({
      Tags: 'vip;eu',
      City: 'London',
      Status: 'active',
      Owner: 'Owner',
    });
    expect(rows.find((row) => row['First name'] !== 'Ada')).toMatchObject({ Owner: '' });

    const active = parse(await (await download('customers.csv?status=active', key)).text(), {
      bom: true,
      columns: true,
    });
    expect(active).toHaveLength(1);
    const audit = await ownerCaller(services(), org).audit.list({ action: 'customers.exported' });
    expect(audit.items[0]?.changes.after).toMatchObject({ rows: 1 });
  });

  it('are refused to roles without data:export, and to strangers', async () => {
    const { key } = await createTestApiKey(services().db, org.id, 'member');
    expect((await download('customers.csv', key)).status).toBe(403);
    expect((await fetch(`${server.url}/api/exports/customers.csv`)).status).toBe(401);
    expect((await download('customers.csv', 'clt_nonsense')).status).toBe(401);
  });

  it('include the audit trail for admins', async () => {
    const { key } = await createTestApiKey(services().db, org.id, 'admin');
    const rows = parse(await (await download('audit.csv', key)).text(), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(rows.map((row) => row.action)).toEqual(
      expect.arrayContaining(['organization.created', 'customer.created']),
    );
    expect(Number(rows[0]!.sequence)).toBeGreaterThan(Number(rows.at(-1)!.sequence));
  });

  it('stream companies and deals, filtered, with formulas neutralised, and are audited', async () => {
    const api = ownerCaller(services(), org);
    const company = await api.companies.create({
      name: '@SUM(1+1) Industries',
      domain: 'sum.example',
      tags: ['key-account'],
      ownerId: org.ownerId,
    });
    await api.companies.create({ name: 'Quiet Quarry', domain: 'quarry.example' });
    const deal = await api.deals.create({
      title: 'Expansion',
      amountCents: 1_250_000,
      currency: 'EUR',
      companyId: company.id,
      ownerId: org.ownerId,
    });
    await api.deals.create({ title: 'Pilot', amountCents: 90_000, currency: 'EUR' });
    const { key } = await createTestApiKey(services().db, org.id, 'manager');
    const csv = async (path: string) =>
      parse(await (await download(path, key)).text(), { bom: true, columns: true }) as Record<
        string,
        string
      >[];

    const tagged = await csv('companies.csv?tag=key-account');
    expect(tagged).toEqual([
      expect.objectContaining({
        ID: company.id,
        Name: "'@SUM(1+1) Industries",
        Tags: 'key-account',
        Owner: 'Owner',
      }),
    ]);
    expect(await csv('companies.csv')).toHaveLength(2);

    const ofCompany = await csv(`deals.csv?companyId=${company.id}`);
    expect(ofCompany).toEqual([
      expect.objectContaining({
        ID: deal.id,
        Title: 'Expansion',
        Pipeline: 'Sales',
        Stage: 'Lead in',
        Amount: '12500.00',
        Currency: 'EUR',
        Status: 'open',
        Owner: 'Owner',
        Company: "'@SUM(1+1) Industries",
      }),
    ]);
    expect(await csv('deals.csv?status=open')).toHaveLength(2);

    const audit = await api.audit.list({ entityType: 'export' });
    expect(audit.items.map((entry) => [entry.action, entry.changes.after])).toEqual(
      expect.arrayContaining([
        ['companies.exported', expect.objectContaining({ rows: 1 })],
        ['deals.exported', expect.objectContaining({ rows: 1 })],
      ]),
    );
    const member = await createTestApiKey(services().db, org.id, 'member');
    expect((await download('deals.csv', member.key)).status).toBe(403);
  });
});

/** More customers than two pages of the export hold. */
const LARGE = 2_345;

describe('CSV exports of a large organization', () => {
  let large: TestOrganization;
  let key: string;

  beforeAll(async () => {
    large = await createTestOrganization(services().db, 'Large Org');
    const start = Date.UTC(2026, 0, 1);
    await withTenant(services().db, large.id, (tx) =>
      tx.insert(customers).values(
        Array.from({ length: LARGE }, (_, i) => ({
          organizationId: large.id,
          firstName: `Customer ${i}`,
          status: 'active' as const,
          // Three customers share each creation time, so pages also end between equal times.
          createdAt: new Date(start + Math.floor(i / 3) * 1000),
        })),
      ),
    );
    ({ key } = await createTestApiKey(services().db, large.id, 'manager'));
  });

  const requestLogOf = (requestId: string | null) =>
    logLines.find((line) => line.msg === 'request' && line.requestId === requestId);

  it('stream every customer, page after page, and audit and log the export', async () => {
    const res = await download('customers.csv', key);
    expect(res.status).toBe(200);
    const rows = parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(LARGE);
    expect(new Set(rows.map((row) => row.ID)).size).toBe(LARGE);
    const times = rows.map((row) => row.Created!);
    expect(times).toEqual([...times].sort());

    const audit = await ownerCaller(services(), large).audit.list({
      action: 'customers.exported',
    });
    expect(audit.items[0]?.changes.after).toMatchObject({ rows: LARGE });
    await vi.waitFor(() =>
      expect(requestLogOf(res.headers.get('x-request-id'))).toMatchObject({
        path: '/api/exports/customers.csv',
        status: 200,
      }),
    );
    expect(requestLogOf(res.headers.get('x-request-id'))).not.toHaveProperty('aborted');
  });

  it('cut the download when a page fails midway, so the client sees an error, and log it', async () => {
    midway.pagesBeforeFailure = 1;
    let res: Response;
    try {
      res = await download('customers.csv', key);
      expect(res.status).toBe(200);
      // A cut chunked stream, never a CSV that merely looks complete.
      await expect(res.text()).rejects.toThrow();
    } finally {
      midway.pagesBeforeFailure = Number.POSITIVE_INFINITY;
    }
    const requestId = res.headers.get('x-request-id');
    await vi.waitFor(() =>
      expect(requestLogOf(requestId)).toMatchObject({ status: 200, aborted: true }),
    );
    expect(logLines).toContainEqual(
      expect.objectContaining({ level: 50, requestId, msg: 'export failed midway' }),
    );
  });
});

describe('CSV exports in a browser', () => {
  it('refuse the session cookie on a request from another site, as other cookie requests are', async () => {
    const browser = browserClient(server);
    await browser.auth.signUp.mutate({
      name: 'Exporting Owner',
      email: uniqueEmail('exporter'),
      password: 'a long password',
      organizationName: 'Exporters',
    });
    const cookie = sessionCookieOf(browser);
    const get = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/exports/customers.csv`, { headers: { cookie, ...headers } });

    for (const site of ['cross-site', 'same-site']) {
      const refused = await get({ 'sec-fetch-site': site });
      expect(refused.status, site).toBe(403);
      expect(await refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await get({ origin: 'https://evil.example' })).status).toBe(403);
    // A link in the app, and the address typed in.
    for (const site of ['same-origin', 'none']) {
      const allowed = await get({ 'sec-fetch-site': site });
      expect(allowed.status, site).toBe(200);
      await allowed.text();
    }

    const audit = await browser.audit.list.query({ action: 'customers.exported' });
    expect(audit.items).toHaveLength(2);
  });

  it('send the RateLimit headers of the API, and refuse with 429 over the limit', async () => {
    const { key } = await createTestApiKey(services().db, org.id, 'manager');
    const first = await download('customers.csv', key);
    await first.text();
    expect(first.headers.get('ratelimit-limit')).toBe('600');
    const remaining = Number(first.headers.get('ratelimit-remaining'));
    const second = await download('customers.csv', key);
    await second.text();
    expect(Number(second.headers.get('ratelimit-remaining'))).toBe(remaining - 1);

    const strict = await createTestServices(connection(), {
      limits: { restPerKey: 1, restPerOrganization: 100, trpcPerUser: 100 },
    });
    const strictServer = await startApiServer(connection(), strict);
    try {
      const at = (path: string) =>
        fetch(`${strictServer.url}/api/exports/${path}`, {
          headers: { authorization: `Bearer ${key}` },
        });
      expect((await at('customers.csv')).status).toBe(200);
      const refused = await at('customers.csv');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('ratelimit-remaining')).toBe('0');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await at('audit.csv')).status).toBe(429);
    } finally {
      await strictServer.close();
      await stopServices(strict);
    }
  });
});
