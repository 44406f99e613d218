import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { openTestConnection, setupTestDatabase } from '@/test/database';
import { openConnection } from './connection';
import { createTestOrganization } from '@/test/factories';
import { rows } from './rows';
import { insertCustomer } from './repositories/customer-writes';
import { listCustomers } from './repositories/customers';
import { pgErrorOf } from './repositories/pg-errors';
import { auditLogs, customers } from './schema';
import { TENANT_ROLE, withIdentity, withTenant, type Transaction } from './tenant';

const connection = setupTestDatabase();

const customer = (firstName: string) => ({
  firstName,
  lastName: '',
  status: 'lead' as const,
  tags: [],
  metadata: {},
});

async function seedCustomer(organizationId: string, firstName: string) {
  return withTenant(connection().db, organizationId, (tx) =>
    insertCustomer(tx, customer(firstName)),
  );
}

describe('row-level security', () => {
  it('shows zero rows to the tenant role when no organization is set', async () => {
    const org = await createTestOrganization(connection().db);
    await seedCustomer(org.id, 'Hidden');

    const count = await connection().db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', ${TENANT_ROLE}, true)`);
      const result = await tx.execute(sql`select count(*)::int as count from customers`);
      return rows<{ count: number }>(result)[0]?.count;
    });
    expect(count).toBe(0);
  });

  it('refuses a row written for another organization inside a tenant transaction', async () => {
    const a = await createTestOrganization(connection().db);
    const b = await createTestOrganization(connection().db);

    const attempt = withTenant(connection().db, a.id, (tx) =>
      tx.insert(customers).values({ organizationId: b.id, firstName: 'Intruder' }),
    );
    const error = await attempt.catch((e: unknown) => e);
    expect(pgErrorOf(error)?.code).toBe('42501');

    const bCustomers = await withTenant(connection().db, b.id, (tx) =>
      listCustomers(tx, { limit: 100, sort: 'createdAt', order: 'desc' }),
    );
    expect(bCustomers.items).toEqual([]);
  });

  it('keeps two tenants apart when their transactions interleave on one connection', async () => {
    const single = await openTestConnection(1);
    const create = (organizationId: string, firstName: string) =>
      withTenant(single.db, organizationId, (tx) => insertCustomer(tx, customer(firstName)));
    try {
      const a = await createTestOrganization(single.db);
      const b = await createTestOrganization(single.db);
      await create(a.id, 'Alice');
      await create(b.id, 'Bob');

      const seen = await Promise.all(
        Array.from({ length: 20 }, (_, i) => {
          const org = i % 2 === 0 ? a : b;
          return withTenant(single.db, org.id, async (tx) => {
            const page = await listCustomers(tx, { limit: 100, sort: 'createdAt', order: 'desc' });
            return { org: org.id, names: page.items.map((c) => c.firstName) };
          });
        }),
      );
      for (const { org, names } of seen) {
        expect(names).toEqual([org === a.id ? 'Alice' : 'Bob']);
      }

      const after = await single.db.execute(
        sql`select current_user as role, current_setting('app.organization_id', true) as tenant`,
      );
      const state = rows<{ role: string; tenant: string | null }>(after)[0];
      expect(state?.role).not.toBe(TENANT_ROLE);
      expect(state?.tenant ?? '').toBe('');
    } finally {
      await single.close();
    }
  });

  it('has the role and tenant in force from the first statement of the work', async () => {
    const org = await createTestOrganization(connection().db);
    const settings = sql`select current_user as role, current_setting('app.organization_id', true) as tenant`;
    const tenant = await withTenant(connection().db, org.id, async (tx) =>
      rows<{ role: string; tenant: string }>(await tx.execute(settings)),
    );
    expect(tenant).toEqual([{ role: TENANT_ROLE, tenant: org.id }]);
    const identity = await withIdentity(connection().db, async (tx) =>
      rows<{ role: string }>(await tx.execute(settings)),
    );
    expect(identity[0]?.role).toBe('clientele_auth');
  });

  it('gives the identity role no access to customer data', async () => {
    const error = await withIdentity(connection().db, (tx) => tx.select().from(customers)).catch(
      (e: unknown) => e,
    );
    expect(pgErrorOf(error)?.code).toBe('42501');
  });

  it('refuses writes in a read-only tenant transaction, and allows them otherwise', async () => {
    const org = await createTestOrganization(connection().db);
    const readOnly = withTenant(
      connection().db,
      org.id,
      (tx) => insertCustomer(tx, customer('Refused')),
      { readOnly: true },
    );
    expect(pgErrorOf(await readOnly.catch((e: unknown) => e))?.code).toBe('25006');
    await seedCustomer(org.id, 'Written');
    const listed = await withTenant(
      connection().db,
      org.id,
      (tx) => listCustomers(tx, { limit: 10, sort: 'createdAt', order: 'desc' }),
      { readOnly: true },
    );
    expect(listed.items.map((c) => c.firstName)).toEqual(['Written']);
  });

  it('keeps the identity views from the tenant role', async () => {
    const org = await createTestOrganization(connection().db);
    for (const view of ['api_key_principals', 'session_principals']) {
      const attempt = withTenant(connection().db, org.id, (tx) =>
        tx.execute(sql.raw(`select count(*) from clientele_identity.${view}`)),
      );
      expect(pgErrorOf(await attempt.catch((e: unknown) => e))?.code).toBe('42501');
    }
  });

  it('lets the tenant role append to the audit trail but never change or delete it', async () => {
    const org = await createTestOrganization(connection().db);
    for (const statement of [
      sql`update audit_logs set action = 'tampered'`,
      sql`delete from audit_logs`,
      sql`truncate audit_logs`,
    ]) {
      const error = await withTenant(connection().db, org.id, (tx) => tx.execute(statement)).catch(
        (e: unknown) => e,
      );
      expect(pgErrorOf(error)?.code).toBe('42501');
    }
    const trail = await withTenant(connection().db, org.id, (tx) => tx.select().from(auditLogs));
    expect(trail.map((row) => row.action)).toEqual(['organization.created']);
  });

  it('forces row-level security on every table that holds an organization_id', async () => {
    const result = await connection().db.execute(sql`
      select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
             (select count(*) from pg_policy p where p.polrelid = c.oid)::int as policies
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      where c.relkind = 'r'
        and exists (select 1 from pg_attribute a
                    where a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped)
      order by 1`);
    const tables = rows<{ table: string; enabled: boolean; forced: boolean; policies: number }>(
      result,
    );
    expect(tables.length).toBeGreaterThanOrEqual(10);
    // The search vocabulary has no row security: no app role may touch it, and they read it
    // only through clientele_search_words(), which takes the organization from the setting.
    const vocabulary = await connection().db.execute(sql`
      select role, privilege from unnest(array['clientele_app', 'clientele_auth',
          'clientele_maintenance']) as role,
        unnest(array['select', 'insert', 'update', 'delete']) as privilege
      where has_table_privilege(role, 'customer_search_words', privilege)`);
    expect(rows(vocabulary)).toEqual([]);
    for (const table of tables.filter((table) => table.table !== 'customer_search_words')) {
      expect(table, table.table).toMatchObject({ enabled: true, forced: true });
      expect(table.policies, table.table).toBeGreaterThan(0);
    }
  });
});

describe.runIf(process.env.TEST_DRIVER === 'postgres')('statement timeout', () => {
  it('cancels a long statement of a request, and lets background work run long', async () => {
    const org = await createTestOrganization(connection().db);
    const bounded = await openConnection({
      databaseUrl: inject('testDatabaseUrl'),
      maxConnections: 1,
      statementTimeoutMs: 200,
    });
    try {
      const sleep = (tx: Transaction) => tx.execute(sql`select pg_sleep(0.4)`);
      const error = await withTenant(bounded.db, org.id, sleep).catch((e: unknown) => e);
      expect(pgErrorOf(error)?.code).toBe('57014');
      await expect(
        withTenant(bounded.db, org.id, sleep, { withoutStatementTimeout: true }),
      ).resolves.toBeDefined();
      // The lifted timeout ended with its transaction.
      const again = await withTenant(bounded.db, org.id, sleep).catch((e: unknown) => e);
      expect(pgErrorOf(again)?.code).toBe('57014');
    } finally {
      await bounded.close();
    }
  });
});

describe.runIf(process.env.TEST_DRIVER === 'postgres')('prepared statements', () => {
  it('prepares every statement Drizzle sends, inside transactions too', async () => {
    const org = await createTestOrganization(connection().db);
    const single = await openTestConnection(1);
    try {
      await withTenant(single.db, org.id, (tx) =>
        listCustomers(tx, { limit: 5, sort: 'createdAt', order: 'desc' }),
      );
      const prepared = rows<{ statement: string }>(
        await single.db.execute(
          sql`select statement from pg_prepared_statements where not from_sql`,
        ),
      ).map((row) => row.statement);
      expect(prepared.some((statement) => statement.includes('from "customers"'))).toBe(true);
      expect(prepared.some((statement) => statement.includes('set_config'))).toBe(true);
    } finally {
      await single.close();
    }
  });
});
