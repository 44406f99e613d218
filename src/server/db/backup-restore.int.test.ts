import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiKeyCommand, createOrgCommand } from '@/cli/commands';
import { resolvePrincipal } from '@/server/api/principal';
import { createCaller } from '@/server/api/root';
import { openConnection, type Connection } from '@/server/db/connection';
import { migrate, migrateAsOwner } from '@/server/db/migrate';
import { rows } from '@/server/db/rows';
import { withTenant } from '@/server/db/tenant';
import { verifyAuditChain } from '@/server/domain/audit/verify-chain';
import { stopServices, type AppServices } from '@/server/services';
import { ownerCaller, testContext, type TestOrganization } from '@/test/factories';
import { createTestServices } from '@/test/services';

const run = promisify(execFile);
const onPostgres = process.env.TEST_DRIVER === 'postgres';
const migrationCount = (
  JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as { entries: unknown[] }
).entries.length;

/** Runs a PostgreSQL client tool; a failure carries its stderr. */
async function tool(command: string, args: string[]) {
  try {
    return await run(command, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failed = error as { stderr?: string; message: string };
    throw new Error(`${command} failed: ${failed.stderr || failed.message}`);
  }
}

/** Runs `npm run --silent cli -- ...` on the embedded database in pgliteDir. */
async function cli(pgliteDir: string, ...args: string[]) {
  const result = await run('npm', ['run', '--silent', 'cli', '--', ...args], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      MIGRATION_DATABASE_URL: '',
      PGLITE_DIR: pgliteDir,
      NODE_ENV: 'test',
    },
  }).then(
    (ok) => ({ code: 0, stdout: ok.stdout }),
    (failed: { code: number; stdout: string }) => ({ code: failed.code, stdout: failed.stdout }),
  );
  const lines = result.stdout.trim().split('\n');
  expect(lines, result.stdout).toHaveLength(1);
  return { code: result.code, json: JSON.parse(lines[0]!) as Record<string, unknown> };
}

/**
 * The schema as pg_dump writes it, without what differs between any two dumps, and with each
 * object's grants in a fixed order (their order records only the order they were given in).
 */
async function schemaOf(url: string) {
  const { stdout } = await tool('pg_dump', ['--schema-only', '--exclude-schema=pgboss', url]);
  const lines = stdout
    .split('\n')
    .filter((line) => !/^\\(un)?restrict /.test(line) && !line.startsWith('-- Dumped'));
  const normalized: string[] = [];
  let grants: string[] = [];
  for (const line of [...lines, '']) {
    if (/^(GRANT|REVOKE) /.test(line)) {
      grants.push(line);
      continue;
    }
    normalized.push(...grants.sort(), line);
    grants = [];
  }
  return normalized.join('\n');
}

async function count(db: Connection['db'], query: ReturnType<typeof sql>) {
  return rows<{ count: number }>(await db.execute(query))[0]!.count;
}

describe.skipIf(!onPostgres)(
  'moving PGlite to PostgreSQL, and PostgreSQL backups (needs DATABASE_URL: restores onto that server)',
  () => {
    const workDir = mkdtempSync(path.join(tmpdir(), 'clientele-move-'));
    const pgliteDir = path.join(workDir, 'pglite');
    const exportFile = path.join(workDir, 'clientele.sql');
    const createdDatabases: string[] = [];
    let admin: postgres.Sql;

    const slug = `move-${randomUUID().slice(0, 8)}`;
    const owner = { email: `${slug}@example.test`, password: 'moving day password' };
    let organization: TestOrganization;
    let neighbour: TestOrganization;
    let apiKey: string;
    const before = { customers: 0, interactions: 0, orders: 0, auditRows: 0, queuedJobs: 0 };
    let movedUrl = '';
    let movedRuntimeUrl = '';
    // The owner restores and migrates, the app runs as DATABASE_URL's login (the same one
    // unless MIGRATION_DATABASE_URL names the owner).
    const ownerServer = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL!;
    const onDatabase = (server: string, name: string) => {
      const url = new URL(server);
      url.pathname = `/${name}`;
      return url.toString();
    };

    /** A new empty database owned by the owner login (not a superuser in CI). */
    async function createDatabase(label: string) {
      const name = `clientele_${label}_${Date.now()}_${randomUUID().slice(0, 6)}`;
      await admin.unsafe(`create database "${name}"`);
      createdDatabases.push(name);
      return {
        owner: onDatabase(ownerServer, name),
        runtime: onDatabase(process.env.DATABASE_URL!, name),
      };
    }

    /** The app's connection to a restored database, after the migration step production runs. */
    async function serve(database: { owner: string; runtime: string }) {
      const connection = await openConnection({ databaseUrl: database.runtime, maxConnections: 3 });
      const migrated = await migrateAsOwner(
        connection,
        database.owner === database.runtime ? undefined : database.owner,
      );
      expect(migrated).toEqual({ applied: 0, total: migrationCount });
      return connection;
    }

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
        organization = {
          id: created.organizationId,
          name: 'Moving Co',
          slug,
          ownerId: created.userId,
        };
        apiKey = (await createApiKeyCommand(source, { org: slug, name: 'ERP', role: 'manager' }))
          .key;
        const otherSlug = `${slug}-other`;
        const other = await createOrgCommand(source, {
          name: 'Neighbour',
          slug: otherSlug,
          'owner-email': `${otherSlug}@example.test`,
          'owner-password': 'another long password',
        });
        neighbour = {
          id: other.organizationId,
          name: 'Neighbour',
          slug: otherSlug,
          ownerId: other.userId,
        };

        const api = ownerCaller(services, organization);
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
        await ownerCaller(services, neighbour).customers.create({
          firstName: 'Nia',
          lastName: 'Bour',
        });

        await withTenant(source.db, organization.id, async (tx) => {
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
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
      }
      await admin.end();
      rmSync(workDir, { recursive: true, force: true });
    });

    it('refuses to export while the app holds the embedded database', async () => {
      const running = await openConnection({ pgliteDir });
      try {
        const refused = await cli(pgliteDir, 'export-pglite', '--output', exportFile);
        expect(refused).toMatchObject({ code: 1, json: { error: { code: 'DATABASE_IN_USE' } } });
        expect(existsSync(exportFile)).toBe(false);
      } finally {
        await running.close();
      }
    });

    it('exports with the CLI and restores with psql as the owner login', async () => {
      const exported = await cli(pgliteDir, 'export-pglite', '--output', exportFile);
      expect(exported.code, JSON.stringify(exported.json)).toBe(0);
      expect(exported.json).toMatchObject({
        output: exportFile,
        bytes: statSync(exportFile).size,
        migrations: migrationCount,
        rows: { customers: before.customers + 1, orders: before.orders },
      });

      const moved = await createDatabase('moved');
      movedUrl = moved.owner;
      movedRuntimeUrl = moved.runtime;
      const started = performance.now();
      await tool('psql', [
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '--single-transaction',
        '-f',
        exportFile,
        movedUrl,
      ]);
      console.info(
        `export: ${String(exported.json.bytes)} bytes in ${String(exported.json.durationMs)} ms; ` +
          `psql restore: ${Math.round(performance.now() - started)} ms`,
      );

      // A second export refuses to overwrite the first.
      const again = await cli(pgliteDir, 'export-pglite', '--output', exportFile);
      expect(again).toMatchObject({ code: 1, json: { error: { code: 'CONFLICT' } } });
    });

    it('restores the schema the migrations build on the server: owners, grants, policies, triggers', async () => {
      expect(movedUrl, 'the restore ran').not.toBe('');
      expect(await schemaOf(movedUrl)).toBe(await schemaOf(inject('testMigrationDatabaseUrl')));

      const moved = postgres(movedUrl, { max: 1, onnotice: () => {} });
      try {
        const [roles] = await moved<{ member: boolean; bypass: boolean }[]>`
        select bool_and(pg_has_role(current_user, rolname, 'MEMBER')) as member,
               bool_or(rolbypassrls) as bypass
        from pg_roles where rolname in ('clientele_app', 'clientele_auth',
          'clientele_audit_eraser', 'clientele_maintenance', 'clientele_jobs')`;
        expect(roles).toEqual({ member: true, bypass: false });
        const [extension] =
          await moved`select extversion from pg_extension where extname = 'pg_trgm'`;
        expect(extension).toBeDefined();
      } finally {
        await moved.end();
      }
    });

    it('serves the moved data: sign-in, API key, records, audit chain, isolation, new writes', async () => {
      expect(movedUrl, 'the restore ran').not.toBe('');
      const connection = await serve({ owner: movedUrl, runtime: movedRuntimeUrl });
      let services: AppServices | undefined;
      try {
        services = await createTestServices(connection);
        const db = services.db;

        const context = testContext(services, null);
        await expect(createCaller(context).auth.signIn(owner)).resolves.toEqual({
          twoFactorRequired: false,
        });
        const cookie = context.responseHeaders.get('set-cookie')!.split(';')[0]!;
        await expect(
          resolvePrincipal(db, { authorization: null, cookie }, false),
        ).resolves.toMatchObject({
          kind: 'user',
          email: owner.email,
          organization: { id: organization.id, role: 'owner' },
        });
        await expect(
          resolvePrincipal(db, { authorization: `Bearer ${apiKey}`, cookie: null }, false),
        ).resolves.toMatchObject({
          kind: 'apiKey',
          organization: { id: organization.id, role: 'manager' },
        });

        const api = ownerCaller(services, organization);
        const listed = await api.customers.list({ limit: 50 });
        expect(listed.items).toHaveLength(before.customers);
        const first = listed.items.find((customer) => customer.firstName === 'Ada 0')!;
        const interactions = await api.interactions.list({ customerId: first.id });
        expect(interactions.items[0]?.content).toContain('OWNER TO postgres;\nLine three');
        expect((await api.orders.list({})).items).toMatchObject([{ number: 1001 }]);

        await withTenant(db, organization.id, async (tx) => {
          expect(await verifyAuditChain(tx)).toMatchObject({ ok: true, checked: before.auditRows });
        });

        // Row-level security: the neighbour sees only its own customer, no tenant sees nothing,
        // and the tenant role cannot switch it off.
        await withTenant(db, neighbour.id, async (tx) => {
          expect(await count(tx, sql`select count(*)::int as count from customers`)).toBe(1);
          expect(
            await count(
              tx,
              sql`select count(*)::int as count from customers where organization_id = ${organization.id}`,
            ),
          ).toBe(0);
        });
        const bypass = await db
          .transaction(async (tx) => {
            await tx.execute(sql`set local role clientele_app`);
            expect(await count(tx, sql`select count(*)::int as count from customers`)).toBe(0);
            await tx.execute(sql`set local row_security = off`);
            await tx.execute(sql`select count(*) from customers`);
          })
          .then(
            () => 'allowed',
            (error: Error) => String(error.cause ?? error),
          );
        expect(bypass).toMatch(/would be affected by row-level security policy/);

        // The queued jobs moved with the data.
        let delivered = 0;
        await services.jobs.drain('webhook', async () => {
          delivered += 1;
        });
        expect(delivered).toBe(before.queuedJobs);

        // Writes continue where PGlite stopped: the next order number, a customer with its audit row.
        const order = await api.orders.create({
          customerId: first.id,
          currency: 'EUR',
          lines: [{ description: 'Second engine', quantity: 1, unitPriceCents: 25_000 }],
        });
        expect(order.number).toBe(1002);
        const added = await api.customers.create({ firstName: 'Grace', lastName: 'Hopper' });
        await withTenant(db, organization.id, async (tx) => {
          expect(
            await count(
              tx,
              sql`select count(*)::int as count from audit_logs where entity_id = ${added.id} and action = 'customer.created'`,
            ),
          ).toBe(1);
          expect(await verifyAuditChain(tx)).toMatchObject({
            ok: true,
            checked: before.auditRows + 2,
          });
        });
      } finally {
        if (services) await stopServices(services);
        await connection.close();
      }
    });

    it('round-trips a PostgreSQL backup: pg_dump -Fc, then pg_restore as the owner login', async (context) => {
      expect(movedUrl, 'the restore ran').not.toBe('');
      // FORCE ROW LEVEL SECURITY binds the owning login role too: pg_dump must run as a role that
      // bypasses row-level security (a superuser, or a backup role with BYPASSRLS).
      const backupServer = process.env.BACKUP_DATABASE_URL ?? process.env.DATABASE_URL!;
      const check = postgres(backupServer, { max: 1, onnotice: () => {} });
      const [role] = await check<{ bypass: boolean }[]>`
      select rolsuper or rolbypassrls as bypass from pg_roles where rolname = current_user`;
      await check.end();
      if (!role?.bypass) {
        context.skip(
          'pg_dump needs a role that bypasses row-level security: set BACKUP_DATABASE_URL to one',
        );
      }
      const backupUrl = new URL(backupServer);
      backupUrl.pathname = new URL(movedUrl).pathname;
      const backupFile = path.join(workDir, 'clientele.dump');
      await tool('pg_dump', ['-Fc', '-f', backupFile, backupUrl.toString()]);

      const restored = await createDatabase('restored');
      const restoredUrl = restored.owner;
      await tool('psql', [
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        'GRANT USAGE, CREATE ON SCHEMA public TO clientele_audit_eraser',
        restoredUrl,
      ]);
      await tool('pg_restore', [
        '--exit-on-error',
        '--single-transaction',
        '-d',
        restoredUrl,
        backupFile,
      ]);
      expect(await schemaOf(restoredUrl)).toBe(await schemaOf(inject('testMigrationDatabaseUrl')));

      const connection = await serve(restored);
      let services: AppServices | undefined;
      try {
        services = await createTestServices(connection);
        await withTenant(services.db, organization.id, async (tx) => {
          expect(await verifyAuditChain(tx)).toMatchObject({
            ok: true,
            checked: before.auditRows + 2,
          });
        });
        const signIn = testContext(services, null);
        await expect(createCaller(signIn).auth.signIn(owner)).resolves.toEqual({
          twoFactorRequired: false,
        });
        const customers = await ownerCaller(services, organization).customers.list({ limit: 50 });
        expect(customers.items).toHaveLength(before.customers + 1);
      } finally {
        if (services) await stopServices(services);
        await connection.close();
      }
    });
  },
);
