import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, expect } from 'vitest';
import { createApiKeyCommand, createOrgCommand } from '@/cli/commands';
import { openConnection, type Connection } from '@/server/db/connection';
import { migrate, migrateAsOwner } from '@/server/db/migrate';
import { rows } from '@/server/db/rows';
import { withTenant } from '@/server/db/tenant';
import { verifyAuditChain } from '@/server/domain/audit/verify-chain';
import { stopServices, type AppServices } from '@/server/services';
import { ownerCaller, type TestOrganization } from '@/test/factories';
import { dropTestDatabase } from '@/test/drop-database';
import { createTestServices } from '@/test/services';

export const migrationCount = (
  JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as { entries: unknown[] }
).entries.length;

export async function count(db: Connection['db'], query: ReturnType<typeof sql>) {
  return rows<{ count: number }>(await db.execute(query))[0]!.count;
}

/** A PostgreSQL database for the moved data, as the owner login and as the runtime login. */
export interface MovedDatabase {
  owner: string;
  runtime: string;
}

export interface MovingDay {
  workDir: string;
  pgliteDir: string;
  exportFile: string;
  /** The sign-in of the organization's owner. */
  owner: { email: string; password: string };
  organization: TestOrganization;
  /** Another organization on the same database, whose records must stay its own. */
  neighbour: TestOrganization;
  /** A manager key of the organization. */
  apiKey: string;
  /** What the embedded database held of the organization before the move. */
  before: {
    customers: number;
    interactions: number;
    orders: number;
    auditRows: number;
    queuedJobs: number;
  };
  /** A new empty database owned by the owner login (not a superuser in CI). */
  createDatabase(label: string): Promise<MovedDatabase>;
  /** The app's connection to a restored database, after the migration step production runs. */
  serve(database: MovedDatabase): Promise<Connection>;
}

/**
 * An embedded database in a work directory of its own, filled before the file's tests with two
 * organizations' records and queued webhook jobs; after them, the databases made on the
 * PostgreSQL server are dropped and the work directory removed.
 */
export function setupMovingDay(): MovingDay {
  const workDir = mkdtempSync(path.join(tmpdir(), 'clientele-move-'));
  const pgliteDir = path.join(workDir, 'pglite');
  const createdDatabases: string[] = [];
  let admin: postgres.Sql;
  const slug = `move-${randomUUID().slice(0, 8)}`;
  // The owner restores and migrates, the app runs as DATABASE_URL's login (the same one
  // unless MIGRATION_DATABASE_URL names the owner).
  const ownerServer = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL!;
  const onDatabase = (server: string, name: string) => {
    const url = new URL(server);
    url.pathname = `/${name}`;
    return url.toString();
  };

  const day = {
    workDir,
    pgliteDir,
    exportFile: path.join(workDir, 'clientele.sql'),
    owner: { email: `${slug}@example.test`, password: 'moving day password' },
    before: { customers: 0, interactions: 0, orders: 0, auditRows: 0, queuedJobs: 0 },
    async createDatabase(label: string) {
      const name = `clientele_${label}_${Date.now()}_${randomUUID().slice(0, 6)}`;
      await admin.unsafe(`create database "${name}"`);
      createdDatabases.push(name);
      return {
        owner: onDatabase(ownerServer, name),
        runtime: onDatabase(process.env.DATABASE_URL!, name),
      };
    },
    async serve(database: MovedDatabase) {
      const connection = await openConnection({ databaseUrl: database.runtime, maxConnections: 3 });
      const migrated = await migrateAsOwner(
        connection,
        database.owner === database.runtime ? undefined : database.owner,
      );
      expect(migrated).toEqual({ applied: 0, total: migrationCount });
      return connection;
    },
  } as MovingDay;
  const { owner, before } = day;

  beforeAll(async () => {
    admin = postgres(ownerServer, { max: 1, onnotice: () => {} });
    const source = await openConnection({ pgliteDir });
    let services: AppServices | undefined;
    try {
      await migrate(source);
      services = await createTestServices(source);
      const created = await createOrgCommand(source, {
        name: 'Moving Co',
        slug,
        'owner-email': owner.email,
        'owner-password': owner.password,
        'owner-name': 'Mo Ving',
      });
      day.organization = {
        id: created.organizationId,
        name: 'Moving Co',
        slug,
        ownerId: created.userId,
      };
      day.apiKey = (
        await createApiKeyCommand(source, { org: slug, name: 'ERP', role: 'manager' })
      ).key;
      const otherSlug = `${slug}-other`;
      const other = await createOrgCommand(source, {
        name: 'Neighbour',
        slug: otherSlug,
        'owner-email': `${otherSlug}@example.test`,
        'owner-password': 'another long password',
      });
      day.neighbour = {
        id: other.organizationId,
        name: 'Neighbour',
        slug: otherSlug,
        ownerId: other.userId,
      };

      const api = ownerCaller(services, day.organization);
      // Customer events are queued for this endpoint: the jobs must survive the move.
      await api.webhooks.create({
        url: 'http://127.0.0.1:9/moved',
        eventTypes: ['customer.created'],
      });
      for (let i = 0; i < 6; i += 1) {
        const customer = await api.customers.create({
          firstName: `Ada ${i}`,
          lastName: 'Lovelace',
          email: `ada${i}@${slug}.example`,
          company: 'Analytical Engines',
          // One family of look-alike names, on purpose.
          allowDuplicate: true,
        });
        await api.interactions.create({
          customerId: customer.id,
          type: 'note',
          subject: 'First call',
          content: 'Line one\nALTER TABLE customers OWNER TO postgres;\nLine three',
        });
        if (i === 0) {
          await api.orders.create({
            customerId: customer.id,
            currency: 'EUR',
            lines: [{ description: 'Engine', quantity: 2, unitPriceCents: 12_500 }],
          });
        }
      }
      await ownerCaller(services, day.neighbour).customers.create({
        firstName: 'Nia',
        lastName: 'Bour',
      });

      await withTenant(source.db, day.organization.id, async (tx) => {
        before.customers = await count(tx, sql`select count(*)::int as count from customers`);
        before.interactions = await count(
          tx,
          sql`select count(*)::int as count from customer_interactions`,
        );
        before.orders = await count(tx, sql`select count(*)::int as count from orders`);
        before.auditRows = (await verifyAuditChain(tx)).checked;
      });
      before.queuedJobs = await count(
        source.db,
        sql`select count(*)::int as count from pgboss.job where name = 'webhook' and state = 'created'`,
      );
    } finally {
      if (services) await stopServices(services);
      await source.close();
    }
  });

  afterAll(async () => {
    for (const name of createdDatabases) {
      await dropTestDatabase(admin, name);
    }
    await admin.end();
    rmSync(workDir, { recursive: true, force: true });
  });

  return day;
}
