import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { randomClientAddress, signUpInBrowser } from '@/test/browser-client';
import { runCli } from '@/test/cli';
import { uniqueEmail } from '@/test/factories';
import { dropTestDatabase } from '@/test/drop-database';
import { stopAllInstances, type Instance } from '@/test/instances';

export const METRICS_TOKEN = 'a-metrics-token-for-the-login-tests';
const ENCRYPTION_KEY = randomBytes(32).toString('base64');
/** These tests start app processes and the CLI (through tsx): generous on a loaded machine. */
export const PROCESS_TEST_TIMEOUT = 180_000;

export interface TwoLogins {
  /** The owner of the run's test database, which made this one. */
  admin: postgres.Sql;
  /** The database as the login that owns its tables and migrates. */
  ownerUrl: string;
  /** The database as a login of its own, which owns nothing. */
  runtimeUrl: string;
  runtimeLogin: string;
  checkpointDir: string;
  /** `npm run --silent cli -- ...` as production runs it: both logins given. */
  cli(...args: string[]): Promise<{ code: number; json: Record<string, unknown> }>;
  /** The instance's /api/metrics text. */
  metricsOf(instance: Instance): Promise<string>;
  /** An owner's organization with a customer, made through the instance. */
  signUp(instance: Instance): ReturnType<typeof signUpOn>;
}

/**
 * A database of the file's own, made by the owner of the run's test database, with a runtime
 * login of its own, before the file's tests; dropped with the login after them, with any
 * instance still running.
 */
export function setupTwoLogins(): TwoLogins {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const runtimeLogin = `clientele_test_runtime_${suffix}`;
  const password = randomBytes(12).toString('hex');
  const database = `clientele_logins_${suffix}`;
  const checkpointDir = mkdtempSync(path.join(tmpdir(), 'clientele-checkpoints-'));
  const logins = {
    runtimeLogin,
    checkpointDir,
    cli: (...args: string[]) =>
      runCli(args, {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        APP_URL: 'http://127.0.0.1:3999',
        ENCRYPTION_KEY,
        DATABASE_URL: logins.runtimeUrl,
        MIGRATION_DATABASE_URL: logins.ownerUrl,
        AUDIT_CHECKPOINT_DIR: checkpointDir,
        LOG_LEVEL: 'warn',
      }),
    async metricsOf(instance: Instance) {
      const response = await fetch(`${instance.url}/api/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(response.status).toBe(200);
      return response.text();
    },
    signUp: signUpOn,
  } as TwoLogins;

  function urlOf(login?: { user: string; password: string }) {
    const url = new URL(inject('testMigrationDatabaseUrl'));
    url.pathname = `/${database}`;
    if (login) {
      url.username = login.user;
      url.password = login.password;
    }
    return url.toString();
  }

  beforeAll(async () => {
    const admin = postgres(inject('testMigrationDatabaseUrl'), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create role ${runtimeLogin} login password '${password}'`);
    await admin.unsafe(`create database ${database}`);
    Object.assign(logins, {
      admin,
      ownerUrl: urlOf(),
      runtimeUrl: urlOf({ user: runtimeLogin, password }),
    });
  }, PROCESS_TEST_TIMEOUT);

  afterAll(async () => {
    await stopAllInstances();
    const { admin } = logins;
    await dropTestDatabase(admin, database);
    await admin.unsafe(`drop role if exists ${runtimeLogin}`);
    await admin.end();
    rmSync(checkpointDir, { recursive: true, force: true });
  }, PROCESS_TEST_TIMEOUT);

  return logins;
}

/** An owner's organization with a customer, made through the instance. */
async function signUpOn(instance: Instance) {
  const address = randomClientAddress();
  const { browser } = await signUpInBrowser(instance, { name: 'Two Logins' }, () => ({
    'x-forwarded-for': address,
  }));
  const me = await browser.auth.me.query();
  await browser.customers.create.mutate({ firstName: 'Ada', email: uniqueEmail('ada') });
  return { browser, organization: me.organization! };
}
