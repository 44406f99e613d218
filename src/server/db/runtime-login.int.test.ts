import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { openConnection } from '@/server/db/connection';
import { MigrationRefusedError, migrateAsOwner } from '@/server/db/migrate';
import { startInstance, type Instance } from '@/test/instances';
import { METRICS_TOKEN, PROCESS_TEST_TIMEOUT, setupTwoLogins } from './runtime-login-fixture';

// Production with two database logins: one owns the tables and migrates (MIGRATION_DATABASE_URL),
// the app runs as another that owns nothing (DATABASE_URL). Each test database here is made by
// the owner of the run's test database, with a runtime login of its own.
const runs = process.env.TEST_DRIVER === 'postgres';

describe.skipIf(!runs)(
  'two database logins: the owner migrates, a login owning nothing serves',
  () => {
    const logins = setupTwoLogins();
    const { checkpointDir, cli, metricsOf, signUp } = logins;
    let served: Instance;

    it(
      'migrates at start as the owner, then serves as the runtime login, which owns nothing',
      async () => {
        served = await startInstance({
          DATABASE_URL: logins.runtimeUrl,
          MIGRATION_DATABASE_URL: logins.ownerUrl,
          MIGRATE_AT_START: 'true',
          METRICS_TOKEN,
          TRUST_PROXY: '1',
        });
        const { browser } = await signUp(served);
        expect((await browser.customers.list.query({ limit: 10 })).items).toHaveLength(1);
        expect(await browser.audit.verify.query()).toMatchObject({ ok: true, firstBroken: null });

        const [owned] = await logins.admin.unsafe<{ count: number }[]>(
          `select (select count(*) from pg_class where relowner = r.oid)
            + (select count(*) from pg_namespace where nspowner = r.oid)
            + (select count(*) from pg_proc where proowner = r.oid)
            + (select count(*) from pg_type where typowner = r.oid) as count
       from pg_roles r where rolname = '${logins.runtimeLogin}'`,
        );
        expect(Number(owned?.count)).toBe(0);
        expect(await metricsOf(served)).toMatch(/^clientele_audit_trail_alterable 0$/m);
        expect(served.output()).not.toMatch(/can alter the audit trail|job queue error/);
      },
      PROCESS_TEST_TIMEOUT,
    );

    it(
      'keeps the runtime login from truncating, deleting or rewriting the audit trail',
      async () => {
        const runtime = postgres(logins.runtimeUrl, { max: 1, onnotice: () => {} });
        try {
          /** The SQLSTATE the statements fail with, in one transaction (or 'allowed'). */
          const refusal = (...statements: string[]) =>
            runtime
              .begin(async (tx) => {
                for (const statement of statements) await tx.unsafe(statement);
              })
              .then(
                () => 'allowed',
                (error: { code?: string }) => error.code,
              );
          for (const table of ['audit_logs', 'audit_chain_heads']) {
            expect(await refusal(`truncate ${table}`), `truncate ${table}`).toBe('42501');
            expect(await refusal(`delete from ${table}`), `delete from ${table}`).toBe('42501');
            expect(await refusal(`drop table ${table} cascade`), `drop ${table}`).toBe('42501');
            expect(await refusal(`alter table ${table} disable row level security`)).toBe('42501');
          }
          expect(await refusal(`update audit_logs set action = 'forged'`)).toBe('42501');
          expect(await refusal(`update audit_chain_heads set last_sequence = 0`)).toBe('42501');
          for (const trigger of ['audit_logs_prepare', 'audit_logs_link']) {
            expect(await refusal(`alter table audit_logs disable trigger ${trigger}`)).toBe(
              '42501',
            );
          }
          // Nor through the roles it may switch to, nor by switching to any other.
          for (const role of ['clientele_app', 'clientele_auth', 'clientele_maintenance']) {
            for (const statement of [
              'delete from audit_logs',
              'truncate audit_logs',
              `update audit_logs set action = 'forged'`,
              'delete from audit_chain_heads',
            ]) {
              expect(
                await refusal(`set local role ${role}`, statement),
                `${role}: ${statement}`,
              ).toBe('42501');
            }
          }
          const [owner] = await logins.admin<{ owner: string }[]>`select current_user as owner`;
          for (const role of [
            'clientele_audit_eraser',
            'clientele_audit_linker',
            'clientele_search_indexer',
            owner!.owner,
          ]) {
            expect(await refusal(`set local role "${role}"`), role).toBe('42501');
          }
        } finally {
          await runtime.end();
        }
      },
      PROCESS_TEST_TIMEOUT,
    );

    it(
      'migrates with the CLI as the owner and starts as the runtime login without migrating',
      async () => {
        const migrated = await cli('migrate');
        expect(migrated).toMatchObject({ code: 0, json: { status: 'ok', applied: 0 } });
        const instance = await startInstance({
          DATABASE_URL: logins.runtimeUrl,
          MIGRATE_AT_START: 'false',
          METRICS_TOKEN,
          TRUST_PROXY: '1',
        });
        await signUp(instance);
        expect(await metricsOf(instance)).toMatch(/^clientele_audit_trail_alterable 0$/m);
        // The upkeep jobs are scheduled by the runtime login too.
        const owner = postgres(logins.ownerUrl, { max: 1, onnotice: () => {} });
        const schedules = await owner<
          { name: string }[]
        >`select name from pgboss.schedule order by name`;
        await owner.end();
        expect(schedules.map((schedule) => schedule.name)).toEqual([
          'audit-checkpoint',
          'maintenance',
        ]);
        expect(instance.output()).not.toMatch(/job queue error/);
        await instance.stop();
      },
      PROCESS_TEST_TIMEOUT,
    );

    it('refuses to migrate as the runtime login, naming the setting that fixes it', async () => {
      const runtime = await openConnection({ databaseUrl: logins.runtimeUrl, maxConnections: 1 });
      try {
        const refused = migrateAsOwner(runtime, undefined);
        await expect(refused).rejects.toBeInstanceOf(MigrationRefusedError);
        await expect(refused).rejects.toThrow(/permission denied.*set MIGRATION_DATABASE_URL/s);
      } finally {
        await runtime.close();
      }
    });

    it(
      'warns, and says so in a metric, when the login serving requests owns the audit trail',
      async () => {
        const single = await startInstance({
          DATABASE_URL: logins.ownerUrl,
          MIGRATE_AT_START: 'false',
          METRICS_TOKEN,
        });
        expect(await metricsOf(single)).toMatch(/^clientele_audit_trail_alterable 1$/m);
        const warning = single
          .output()
          .split('\n')
          .filter((line) => line.includes('can alter the audit trail'))
          .map((line) => JSON.parse(line) as { level: number; reasons: string[] });
        expect(warning).toEqual([
          expect.objectContaining({
            level: 40,
            reasons: expect.arrayContaining([expect.stringMatching(/owns audit_logs|superuser/)]),
          }),
        ]);
        await single.stop();
      },
      PROCESS_TEST_TIMEOUT,
    );

    it(
      'detects a trail wiped with its heads by the owner, given a checkpoint written before',
      async () => {
        const wiped = await signUp(served);
        const kept = await signUp(served);
        const written = await cli('audit-checkpoint');
        expect(written).toMatchObject({
          code: 0,
          json: {
            written: expect.any(Number),
            file: path.join(checkpointDir, 'audit-checkpoints.jsonl'),
          },
        });
        expect(written.json.written).toBeGreaterThanOrEqual(2);

        // The owner deletes the organization's rows and its chain head: the chain alone still
        // verifies (an empty chain), and so would a new one begun after.
        const owner = postgres(logins.ownerUrl, { max: 1, onnotice: () => {} });
        try {
          await owner.begin(async (tx) => {
            await tx`alter table audit_logs no force row level security`;
            await tx`delete from audit_logs where organization_id = ${wiped.organization.id}`;
            await tx`delete from audit_chain_heads where chain_key = ${wiped.organization.id}`;
            await tx`alter table audit_logs force row level security`;
          });
        } finally {
          await owner.end();
        }
        const withoutCheckpoints = await cli('audit-verify', '--org', wiped.organization.slug);
        expect(withoutCheckpoints.json).toMatchObject({ ok: true, checked: 0 });

        const caught = await cli(
          'audit-verify',
          '--org',
          wiped.organization.slug,
          '--checkpoints',
          checkpointDir,
        );
        expect(caught.code).toBe(1);
        expect(caught.json).toMatchObject({
          ok: false,
          checked: 0,
          firstBroken: {
            reason: expect.stringMatching(/the chain ends at row 0, but the checkpoint/),
          },
        });

        const clean = await cli(
          'audit-verify',
          '--org',
          kept.organization.slug,
          '--checkpoints',
          checkpointDir,
        );
        expect(clean).toMatchObject({
          code: 0,
          json: { ok: true, checkpoints: { valid: 1, invalid: [] } },
        });

        // A checkpoint altered after it was signed is refused, and the verification fails.
        const file = path.join(checkpointDir, 'audit-checkpoints.jsonl');
        const forged = readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => line.includes(kept.organization.id))
          .map((line) => line.replace(/"sequence":(\d+)/, '"sequence":1'));
        writeFileSync(path.join(checkpointDir, 'forged.jsonl'), forged.join('\n'));
        const refused = await cli(
          'audit-verify',
          '--org',
          kept.organization.slug,
          '--checkpoints',
          checkpointDir,
        );
        expect(refused).toMatchObject({
          code: 1,
          json: {
            ok: false,
            checkpoints: { valid: 1, invalid: [{ reason: expect.stringMatching(/signature/) }] },
          },
        });
      },
      PROCESS_TEST_TIMEOUT,
    );
  },
);
