import { execFile } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openConnection } from '@/server/db/connection';
import { MigrationRefusedError, migrateAsOwner } from '@/server/db/migrate';
import { browserClient } from '@/test/browser-client';
import { uniqueEmail } from '@/test/factories';
import { startInstance, stopAllInstances, type Instance } from '@/test/instances';

// Production with two database logins: one owns the tables and migrates (MIGRATION_DATABASE_URL),
// the app runs as another that owns nothing (DATABASE_URL). Each test database here is made by
// the owner of the run's test database, with a runtime login of its own.
const runs = process.env.TEST_DRIVER === 'postgres';
const run = promisify(execFile);
const METRICS_TOKEN = 'a-metrics-token-for-the-login-tests';
const ENCRYPTION_KEY = randomBytes(32).toString('base64');
/** These tests start app processes and the CLI (through tsx): generous on a loaded machine. */
const PROCESS_TEST_TIMEOUT = 180_000;

describe.skipIf(!runs)(
  'two database logins: the owner migrates, a login owning nothing serves',
  () => {
    const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    const runtimeLogin = `clientele_test_runtime_${suffix}`;
    const password = randomBytes(12).toString('hex');
    const database = `clientele_logins_${suffix}`;
    const checkpointDir = mkdtempSync(path.join(tmpdir(), 'clientele-checkpoints-'));
    let admin: postgres.Sql;
    let ownerUrl: string;
    let runtimeUrl: string;
    let served: Instance;

    function urlOf(login?: { user: string; password: string }) {
      const url = new URL(inject('testMigrationDatabaseUrl'));
      url.pathname = `/${database}`;
      if (login) {
        url.username = login.user;
        url.password = login.password;
      }
      return url.toString();
    }

    /** `npm run --silent cli -- ...` as production runs it: both logins given. */
    async function cli(...args: string[]) {
      const result = await run('npm', ['run', '--silent', 'cli', '--', ...args], {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: 'production',
          APP_URL: 'http://127.0.0.1:3999',
          ENCRYPTION_KEY,
          DATABASE_URL: runtimeUrl,
          MIGRATION_DATABASE_URL: ownerUrl,
          AUDIT_CHECKPOINT_DIR: checkpointDir,
          LOG_LEVEL: 'warn',
        },
      }).then(
        (ok) => ({ code: 0, stdout: ok.stdout, stderr: ok.stderr }),
        (failed: { code: number; stdout: string; stderr: string }) => failed,
      );
      const lines = result.stdout.trim().split('\n');
      expect(lines, result.stdout + result.stderr).toHaveLength(1);
      return { code: result.code, json: JSON.parse(lines[0]!) as Record<string, unknown> };
    }

    async function metricsOf(instance: Instance) {
      const response = await fetch(`${instance.url}/api/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(response.status).toBe(200);
      return response.text();
    }

    /** An owner's organization with a customer, made through the instance. */
    async function signUp(instance: Instance) {
      const address = `100.${64 + randomInt(64)}.${randomInt(256)}.${randomInt(256)}`;
      const browser = browserClient(instance, () => ({ 'x-forwarded-for': address }));
      await browser.auth.signUp.mutate({
        name: 'Two Logins',
        email: uniqueEmail('logins'),
        password: 'a long password for two logins',
        organizationName: 'Two Logins Ltd',
      });
      const me = await browser.auth.me.query();
      await browser.customers.create.mutate({ firstName: 'Ada', email: uniqueEmail('ada') });
      return { browser, organization: me.organization! };
    }

    beforeAll(async () => {
      admin = postgres(inject('testMigrationDatabaseUrl'), { max: 1, onnotice: () => {} });
      await admin.unsafe(`create role ${runtimeLogin} login password '${password}'`);
      await admin.unsafe(`create database ${database}`);
      ownerUrl = urlOf();
      runtimeUrl = urlOf({ user: runtimeLogin, password });
    }, PROCESS_TEST_TIMEOUT);

    afterAll(async () => {
      await stopAllInstances();
      await admin.unsafe(`drop database if exists ${database} with (force)`);
      await admin.unsafe(`drop role if exists ${runtimeLogin}`);
      await admin.end();
      rmSync(checkpointDir, { recursive: true, force: true });
    }, PROCESS_TEST_TIMEOUT);

    it(
      'migrates at start as the owner, then serves as the runtime login, which owns nothing',
      async () => {
        served = await startInstance({
          DATABASE_URL: runtimeUrl,
          MIGRATION_DATABASE_URL: ownerUrl,
          MIGRATE_AT_START: 'true',
          METRICS_TOKEN,
          TRUST_PROXY: '1',
        });
        const { browser } = await signUp(served);
        expect((await browser.customers.list.query({ limit: 10 })).items).toHaveLength(1);
        expect(await browser.audit.verify.query()).toMatchObject({ ok: true, firstBroken: null });

        const [owned] = await admin.unsafe<{ count: number }[]>(
          `select (select count(*) from pg_class where relowner = r.oid)
            + (select count(*) from pg_namespace where nspowner = r.oid)
            + (select count(*) from pg_proc where proowner = r.oid)
            + (select count(*) from pg_type where typowner = r.oid) as count
       from pg_roles r where rolname = '${runtimeLogin}'`,
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
        const runtime = postgres(runtimeUrl, { max: 1, onnotice: () => {} });
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
          expect(await refusal(`alter table audit_logs disable trigger audit_logs_chain`)).toBe(
            '42501',
          );
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
          const [owner] = await admin<{ owner: string }[]>`select current_user as owner`;
          for (const role of ['clientele_audit_eraser', owner!.owner]) {
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
          DATABASE_URL: runtimeUrl,
          MIGRATE_AT_START: 'false',
          METRICS_TOKEN,
          TRUST_PROXY: '1',
        });
        await signUp(instance);
        expect(await metricsOf(instance)).toMatch(/^clientele_audit_trail_alterable 0$/m);
        // The upkeep jobs are scheduled by the runtime login too.
        const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
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
      const runtime = await openConnection({ databaseUrl: runtimeUrl, maxConnections: 1 });
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
          DATABASE_URL: ownerUrl,
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
        const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
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
