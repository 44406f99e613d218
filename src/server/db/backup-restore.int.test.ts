import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { resolvePrincipal } from '@/server/api/principal';
import { createCaller } from '@/server/api/root';
import { openConnection } from '@/server/db/connection';
import { withTenant } from '@/server/db/tenant';
import { verifyAuditChain } from '@/server/domain/audit/verify-chain';
import { stopServices, type AppServices } from '@/server/services';
import { runCli } from '@/test/cli';
import { ownerCaller, testContext } from '@/test/factories';
import { postgresTool, schemaOf } from '@/test/postgres-tools';
import { createTestServices } from '@/test/services';
import { count, migrationCount, setupMovingDay } from './backup-restore-fixture';

const onPostgres = process.env.TEST_DRIVER === 'postgres';

describe.skipIf(!onPostgres)(
  'moving PGlite to PostgreSQL, and PostgreSQL backups (needs DATABASE_URL: restores onto that server)',
  () => {
    const day = setupMovingDay();
    const { workDir, pgliteDir, exportFile, owner, before } = day;
    let movedUrl = '';
    let movedRuntimeUrl = '';

    /** `npm run --silent cli -- ...` on the embedded database. */
    const cli = (...args: string[]) =>
      runCli(args, {
        ...process.env,
        DATABASE_URL: '',
        MIGRATION_DATABASE_URL: '',
        PGLITE_DIR: pgliteDir,
        NODE_ENV: 'test',
      });

    it('refuses to export while the app holds the embedded database', async () => {
      const running = await openConnection({ pgliteDir });
      try {
        const refused = await cli('export-pglite', '--output', exportFile);
        expect(refused).toMatchObject({ code: 1, json: { error: { code: 'DATABASE_IN_USE' } } });
        expect(existsSync(exportFile)).toBe(false);
      } finally {
        await running.close();
      }
    });

    it('exports with the CLI and restores with psql as the owner login', async () => {
      const exported = await cli('export-pglite', '--output', exportFile);
      expect(exported.code, JSON.stringify(exported.json)).toBe(0);
      expect(exported.json).toMatchObject({
        output: exportFile,
        bytes: statSync(exportFile).size,
        migrations: migrationCount,
        rows: { customers: before.customers + 1, orders: before.orders },
      });

      const moved = await day.createDatabase('moved');
      movedUrl = moved.owner;
      movedRuntimeUrl = moved.runtime;
      const started = performance.now();
      await postgresTool('psql', [
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
      const again = await cli('export-pglite', '--output', exportFile);
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
          'clientele_audit_eraser', 'clientele_audit_linker', 'clientele_search_indexer',
          'clientele_maintenance',
          'clientele_jobs')`;
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
      const connection = await day.serve({ owner: movedUrl, runtime: movedRuntimeUrl });
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
          organization: { id: day.organization.id, role: 'owner' },
        });
        await expect(
          resolvePrincipal(db, { authorization: `Bearer ${day.apiKey}`, cookie: null }, false),
        ).resolves.toMatchObject({
          kind: 'apiKey',
          organization: { id: day.organization.id, role: 'manager' },
        });

        const api = ownerCaller(services, day.organization);
        const listed = await api.customers.list({ limit: 50 });
        expect(listed.items).toHaveLength(before.customers);
        const first = listed.items.find((customer) => customer.firstName === 'Ada 0')!;
        const interactions = await api.interactions.list({ customerId: first.id });
        expect(interactions.items[0]?.content).toContain('OWNER TO postgres;\nLine three');
        expect((await api.orders.list({})).items).toMatchObject([{ number: 1001 }]);

        await withTenant(db, day.organization.id, async (tx) => {
          expect(await verifyAuditChain(tx)).toMatchObject({ ok: true, checked: before.auditRows });
        });

        // Row-level security: the neighbour sees only its own customer, no tenant sees nothing,
        // and the tenant role cannot switch it off.
        await withTenant(db, day.neighbour.id, async (tx) => {
          expect(await count(tx, sql`select count(*)::int as count from customers`)).toBe(1);
          expect(
            await count(
              tx,
              sql`select count(*)::int as count from customers where organization_id = ${day.organization.id}`,
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
        await withTenant(db, day.organization.id, async (tx) => {
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
      await postgresTool('pg_dump', ['-Fc', '-f', backupFile, backupUrl.toString()]);

      const restored = await day.createDatabase('restored');
      const restoredUrl = restored.owner;
      await postgresTool('psql', [
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        'GRANT USAGE, CREATE ON SCHEMA public TO clientele_audit_eraser, clientele_audit_linker, clientele_search_indexer',
        restoredUrl,
      ]);
      await postgresTool('pg_restore', [
        '--exit-on-error',
        '--single-transaction',
        '-d',
        restoredUrl,
        backupFile,
      ]);
      expect(await schemaOf(restoredUrl)).toBe(await schemaOf(inject('testMigrationDatabaseUrl')));

      const connection = await day.serve(restored);
      let services: AppServices | undefined;
      try {
        services = await createTestServices(connection);
        await withTenant(services.db, day.organization.id, async (tx) => {
          expect(await verifyAuditChain(tx)).toMatchObject({
            ok: true,
            checked: before.auditRows + 2,
          });
        });
        const signIn = testContext(services, null);
        await expect(createCaller(signIn).auth.signIn(owner)).resolves.toEqual({
          twoFactorRequired: false,
        });
        const customers = await ownerCaller(services, day.organization).customers.list({
          limit: 50,
        });
        expect(customers.items).toHaveLength(before.customers + 1);
      } finally {
        if (services) await stopServices(services);
        await connection.close();
      }
    });
  },
);
