import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { createSession } from '@/server/auth/session';
import { openConnection } from '@/server/db/connection';
import { insertAuditLog } from '@/server/db/repositories/audit-logs';
import { findOrganizationBySlug } from '@/server/db/repositories/organizations';
import { migrate } from '@/server/db/migrate';
import { rows } from '@/server/db/rows';
import { withIdentity, withTenant } from '@/server/db/tenant';
import type { Database, TenantTx } from '@/server/db/types';
import { createOrganizationWithOwner } from '@/server/domain/organizations/create-organization';
import { issueApiKey } from '@/server/domain/api-keys';
import {
  bigCompanyId,
  insertSeededRange,
  seedCompanies,
  seededCustomerIds,
  TIMELINE_EVERY,
  TIMELINE_OFFSET,
} from './seed-rows';

/** Customers per transaction: each batch commits with its interactions and orders. */
const BATCH = 50_000;

const CLIENT = { ipAddress: null, userAgent: 'clientele bench', requestId: null };

/** What a client needs to act in a tenant: the session cookie (tRPC) and an API key (REST). */
export interface TenantCredentials {
  organizationId: string;
  sessionToken: string;
  apiKey: string;
}

export interface BenchTenant extends TenantCredentials {
  customers: number;
  /** Customers with exactly TIMELINE_LENGTH interactions (up to 20 of them). */
  timelineCustomerIds: string[];
  /** Customers spread over the whole tenant (up to 100). */
  sampleCustomerIds: string[];
  /** The e-mail address of customer number ⌈N/2⌉, which every larger tenant has too. */
  middleEmail: string;
  /** The row at position N/2 of the default sort (createdAt desc, id desc). */
  middleRow: { createdAt: Date; id: string };
  /** The company of exactly BIG_COMPANY_PEOPLE people, the same in every tenant size. */
  bigCompanyId: string;
}

/**
 * The database of a set of tenant sizes on the server of serverUrl (`clientele_bench_<sizes>`),
 * created if missing; returns its URL. Its tables hold those tenants and nothing else, since
 * some costs grow with the table rather than the tenant.
 */
export async function ensureBenchDatabase(serverUrl: string, sizes: number[]) {
  // v2: with companies and deals; a database seeded before them is left alone.
  const name = `clientele_bench_v2_${sizes.join('_')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface Organization {
  id: string;
  ownerId: string;
}

export async function findOrCreateOrganization(db: Database, slug: string): Promise<Organization> {
  const existing = await withIdentity(db, (tx) => findOrganizationBySlug(tx, slug));
  if (existing) {
    const owner = await withIdentity(db, (tx) =>
      tx.execute(
        sql`select user_id from memberships where organization_id = ${existing.id} and role = 'owner' limit 1`,
      ),
    );
    return { id: existing.id, ownerId: rows<{ user_id: string }>(owner)[0]!.user_id };
  }
  const created = await withIdentity(db, (tx) =>
    createOrganizationWithOwner(
      tx,
      {
        organizationName: `Bench ${slug}`,
        slug,
        owner: { email: `owner@${slug}.example`, name: 'Bench Owner', passwordHash: 'unused' },
      },
      CLIENT,
    ),
  );
  return { id: created.organization.id, ownerId: created.userId };
}

async function countCustomers(db: Database, organizationId: string): Promise<number> {
  const result = await withTenant(db, organizationId, (tx) =>
    tx.execute(sql`select count(*)::int as count from customers`),
  );
  return rows<{ count: number }>(result)[0]!.count;
}

/**
 * Brings the tenant of `size` customers to completion. Batches commit one by one, so an
 * interrupted seeding resumes where it stopped. Returns whether it inserted anything.
 */
async function fillTenant(
  db: Database,
  organization: Organization,
  size: number,
  log: (message: string) => void,
): Promise<boolean> {
  const present = await countCustomers(db, organization.id);
  if (present > size) {
    throw new Error(`tenant bench-${size} has ${present} customers, more than ${size}`);
  }
  if (present === size) return false;
  const started = performance.now();
  const stageIds = await withTenant(db, organization.id, async (tx) => {
    await seedCompanies(tx, organization.ownerId);
    return defaultStageIds(tx);
  });
  for (let from = present + 1; from <= size; from += BATCH) {
    const to = Math.min(size, from + BATCH - 1);
    await withTenant(db, organization.id, (tx) =>
      insertSeededRange(tx, organization.ownerId, { from, to }, stageIds),
    );
    const seconds = (performance.now() - started) / 1000;
    log(`  bench-${size}: ${to.toLocaleString('en')} customers (${seconds.toFixed(0)} s)`);
  }
  await withTenant(db, organization.id, (tx) =>
    insertAuditLog(tx, {
      organizationId: organization.id,
      actorType: 'system',
      actorId: null,
      action: 'organization.seeded',
      entityType: 'organization',
      entityId: organization.id,
      changes: { after: { customers: size } },
    }),
  );
  return true;
}

/** The stages of the tenant's default pipeline, in order. */
async function defaultStageIds(tx: TenantTx): Promise<string[]> {
  const result = await tx.execute(sql`
    select s.id from pipeline_stages s join pipelines p on p.id = s.pipeline_id
    where p.is_default order by s.position`);
  return rows<{ id: string }>(result).map((row) => row.id);
}

async function credentialsFor(
  db: Database,
  organization: Organization,
): Promise<TenantCredentials> {
  const session = await withIdentity(db, (tx) =>
    createSession(tx, {
      userId: organization.ownerId,
      activeOrganizationId: organization.id,
      ...CLIENT,
    }),
  );
  const key = await withIdentity(db, (tx) =>
    issueApiKey(tx, {
      organizationId: organization.id,
      name: 'bench',
      role: 'admin',
      createdById: null,
    }),
  );
  return { organizationId: organization.id, sessionToken: session.token, apiKey: key.key };
}

async function customersNumbered(db: Database, organizationId: string, numbers: number[]) {
  const result = await withTenant(db, organizationId, (tx) =>
    tx.execute(
      sql`select id, email from customers where id in (${seededCustomerIds(organizationId, numbers)})`,
    ),
  );
  return rows<{ id: string; email: string }>(result);
}

async function middleRowOf(db: Database, organizationId: string, size: number) {
  const result = await withTenant(db, organizationId, (tx) =>
    tx.execute(sql`
      select created_at, id from customers where deleted_at is null
      order by created_at desc, id desc offset ${Math.floor(size / 2) - 1} limit 1`),
  );
  const row = rows<{ created_at: Date | string; id: string }>(result)[0]!;
  return { createdAt: new Date(row.created_at), id: row.id };
}

async function bigCompanyOf(db: Database, organizationId: string): Promise<string> {
  const result = await withTenant(db, organizationId, (tx) =>
    tx.execute(sql`select id from companies where id = ${bigCompanyId(organizationId)}`),
  );
  return rows<{ id: string }>(result)[0]!.id;
}

/** Up to `count` numbers of 1…size, evenly spread. */
function spread(size: number, count: number): number[] {
  const step = Math.max(1, Math.floor(size / count));
  return Array.from({ length: Math.max(0, Math.min(count, size)) }, (_, k) => 1 + k * step);
}

/** Numbers of up to 20 customers with a full timeline, spread over the tenant. */
function timelineNumbers(size: number): number[] {
  const available = Math.floor((size - TIMELINE_OFFSET) / TIMELINE_EVERY) + 1;
  return spread(available, 20).map((j) => TIMELINE_OFFSET + (j - 1) * TIMELINE_EVERY);
}

/**
 * The tenant `bench-<size>` with its customers, interactions and orders (see seed-rows.ts),
 * made if missing, completed if partial, reused if there; plus a fresh session and API key.
 */
export async function seedBenchTenant(
  db: Database,
  size: number,
  log: (message: string) => void,
): Promise<{ tenant: BenchTenant; inserted: boolean }> {
  const organization = await findOrCreateOrganization(db, `bench-${size}`);
  const inserted = await fillTenant(db, organization, size, log);
  const idsOf = async (numbers: number[]) =>
    (await customersNumbered(db, organization.id, numbers)).map((customer) => customer.id);
  const [middle] = await customersNumbered(db, organization.id, [Math.ceil(size / 2)]);
  const tenant: BenchTenant = {
    customers: size,
    ...(await credentialsFor(db, organization)),
    timelineCustomerIds: await idsOf(timelineNumbers(size)),
    sampleCustomerIds: await idsOf(spread(size, 100)),
    middleEmail: middle!.email,
    middleRow: await middleRowOf(db, organization.id, size),
    bigCompanyId: await bigCompanyOf(db, organization.id),
  };
  return { tenant, inserted };
}

/** The customers the writes tenant holds at the start of each run. */
const WRITES_TENANT_CUSTOMERS = 2_000;

/**
 * The tenant that receives the customers the create and memory cases make, set back to the
 * same WRITES_TENANT_CUSTOMERS customers at the start of each run. The table is analyzed after:
 * where autovacuum is off (as on the CI machine) the planner would otherwise take the tenant
 * for empty however many customers it holds, and look duplicates up by reading all of them.
 */
export async function seedWritesTenant(db: Database): Promise<TenantCredentials> {
  const organization = await findOrCreateOrganization(db, 'bench-writes');
  await withTenant(db, organization.id, async (tx) => {
    await tx.execute(sql`delete from customers where organization_id = ${organization.id}`);
    await tx.execute(sql`
      insert into customers (organization_id, first_name, last_name, email)
      select ${organization.id}, 'Kept', 'Customer ' || n, 'kept-' || n || '@writes.example'
      from generate_series(1, ${WRITES_TENANT_CUSTOMERS}) as n`);
  });
  await db.execute(sql`analyze customers`);
  return credentialsFor(db, organization);
}

/** An empty tenant without webhook endpoints, for the webhooks case (endpoints go with their deliveries). */
export async function seedWebhooksTenant(db: Database): Promise<TenantCredentials> {
  const organization = await findOrCreateOrganization(db, 'bench-webhooks');
  await emptyWebhooksTenant(db, organization.id);
  return credentialsFor(db, organization);
}

export async function emptyWebhooksTenant(db: Database, organizationId: string): Promise<void> {
  await withTenant(db, organizationId, async (tx) => {
    await tx.execute(sql`delete from webhook_endpoints where organization_id = ${organizationId}`);
    await tx.execute(sql`delete from customers where organization_id = ${organizationId}`);
  });
}

export async function analyzeSeededTables(db: Database): Promise<void> {
  await db.execute(
    sql`analyze customers, customer_interactions, orders, order_lines, companies, deals, deal_customers, deal_stage_totals`,
  );
}

/**
 * A PGlite directory holding the tenant of `size` customers (reused when there). PGlite is
 * single-process: the connection is closed before a server opens the directory.
 */
export async function seedPgliteTenant(
  pgliteDir: string,
  size: number,
  log: (message: string) => void,
): Promise<BenchTenant> {
  const connection = await openConnection({ pgliteDir });
  try {
    await migrate(connection);
    const { tenant, inserted } = await seedBenchTenant(connection.db, size, log);
    if (inserted) await analyzeSeededTables(connection.db);
    return tenant;
  } finally {
    await connection.close();
  }
}
