import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bundleLikeTheServer } from '@/bench/servers';
import { looksLikeApiKey } from '@/server/auth/api-key';
import { openConnection, type Connection } from '@/server/db/connection';
import { and, countDistinct, eq, isNotNull, max } from 'drizzle-orm';
import { resolvePrincipal } from '@/server/api/principal';
import { findOAuthAppByClientId } from '@/server/db/repositories/oauth-apps';
import { hashClientSecret } from '@/server/oauth/credentials';
import { verifyPassword } from '@/server/auth/password';
import { revenuePerMonth } from '@/server/db/repositories/dashboard';
import { nextOrderNumber } from '@/server/db/repositories/orders';
import {
  findOrganizationBySlug,
  listMembershipsOfUser,
} from '@/server/db/repositories/organizations';
import { findUserByEmail } from '@/server/db/repositories/users';
import { checkpointKeys } from '@/server/domain/audit/checkpoint-signature';
import {
  auditLogs,
  companies,
  customers,
  deals,
  dealStageChanges,
  orders,
  pipelineStages,
} from '@/server/db/schema';
import { withIdentity, withTenant } from '@/server/db/tenant';

const run = promisify(execFile);
const pgliteDir = mkdtempSync(path.join(tmpdir(), 'clientele-cli-'));
const onPostgres = process.env.TEST_DRIVER === 'postgres';
// As production runs: DATABASE_URL the login the app runs as, MIGRATION_DATABASE_URL the owner's.
const databaseEnv = onPostgres
  ? {
      DATABASE_URL: inject('testDatabaseUrl'),
      MIGRATION_DATABASE_URL: inject('testMigrationDatabaseUrl'),
    }
  : { DATABASE_URL: '', MIGRATION_DATABASE_URL: '', PGLITE_DIR: path.join(pgliteDir, 'db') };

// The CLI as the image runs it (`node dist/cli/main.mjs`, bundled by `npm run build:server`):
// through tsx, each command would compile the server's modules afresh, which on a loaded
// machine takes longer than a test should.
const bundleFile = path.resolve('.data', 'test', `cli-${process.pid}.mjs`);
beforeAll(
  () => bundleLikeTheServer([path.resolve('src/cli/main.ts')], { outfile: bundleFile }),
  300_000,
);

afterAll(() => {
  rmSync(pgliteDir, { recursive: true, force: true });
  rmSync(bundleFile, { force: true });
});

/** Runs a CLI command and returns its exit code and the one JSON object it printed. */
async function cli(...args: string[]) {
  return command(process.execPath, [bundleFile, ...args]);
}

async function command(file: string, args: string[]) {
  const result = await run(file, args, {
    env: {
      ...process.env,
      ...databaseEnv,
      NODE_ENV: 'test',
      AUDIT_CHECKPOINT_DIR: path.join(pgliteDir, 'checkpoints'),
    },
  }).then(
    (ok) => ({ code: 0, stdout: ok.stdout }),
    (failed: { code: number; stdout: string }) => ({ code: failed.code, stdout: failed.stdout }),
  );
  const lines = result.stdout.trim().split('\n');
  expect(lines, result.stdout).toHaveLength(1);
  return { code: result.code, json: JSON.parse(lines[0]!) as Record<string, unknown> };
}

/** The database the CLI ran on, opened by the test as the app's login. */
async function withDatabase<T>(fn: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await openConnection(
    onPostgres ? { databaseUrl: inject('testDatabaseUrl') } : { pgliteDir: databaseEnv.PGLITE_DIR },
  );
  try {
    return await fn(connection);
  } finally {
    await connection.close();
  }
}

/** The account with the address, its organizations and roles, as sign-in sees them. */
async function account(email: string) {
  return withDatabase((connection) =>
    withIdentity(connection.db, async (tx) => {
      const user = await findUserByEmail(tx, email);
      if (!user) return null;
      const memberships = await listMembershipsOfUser(tx, user.id);
      return { user, memberships: memberships.map(({ slug, role }) => ({ slug, role })) };
    }),
  );
}

/** The organization's `member.added` audit rows. */
async function membersAdded(organizationId: string) {
  return withDatabase((connection) =>
    withTenant(connection.db, organizationId, (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(
          and(eq(auditLogs.organizationId, organizationId), eq(auditLogs.action, 'member.added')),
        ),
    ),
  );
}

// Every command is a process of its own that opens the database (PGlite compiles its WebAssembly
// first): seconds on an idle machine, but far longer on a loaded one, so no tight budget here.
describe('operator CLI', { timeout: 300_000 }, () => {
  const slug = `cli-${Date.now().toString(36)}`;

  // The command as docs/operations.md gives it, through npm and tsx, which compiles the modules
  // on the fly.
  it('migrates with npm run --silent cli -- migrate', async () => {
    const { code, json } = await command('npm', ['run', '--silent', 'cli', '--', 'migrate']);
    expect(code).toBe(0);
    const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as {
      entries: unknown[];
    };
    expect(json).toMatchObject({ status: 'ok', total: journal.entries.length });
  });

  it('creates an organization with its owner, then an API key that authenticates', async () => {
    const org = await cli(
      'create-org',
      '--name',
      'CLI Co',
      '--slug',
      slug,
      '--owner-email',
      `${slug}@example.com`,
      '--owner-password',
      'a long password',
    );
    expect(org.code).toBe(0);
    expect(org.json).toEqual({ organizationId: expect.any(String), userId: expect.any(String) });

    const key = await cli('create-api-key', '--org', slug, '--name', 'Sync', '--role', 'manager');
    expect(key.code).toBe(0);
    expect(looksLikeApiKey(String(key.json.key))).toBe(true);

    const connection = await openConnection(
      onPostgres
        ? { databaseUrl: inject('testDatabaseUrl') }
        : { pgliteDir: databaseEnv.PGLITE_DIR },
    );
    try {
      const principal = await resolvePrincipal(
        connection.db,
        { authorization: `Bearer ${String(key.json.key)}`, cookie: null },
        false,
      );
      expect(principal).toMatchObject({
        kind: 'apiKey',
        apiKeyId: key.json.id,
        organization: { id: org.json.organizationId, slug, role: 'manager' },
      });
    } finally {
      await connection.close();
    }
  });

  it('registers OAuth clients, printing the secret once and storing only its hash', async () => {
    const service = await cli(
      'create-oauth-client',
      '--org',
      slug,
      '--name',
      'Nightly sync',
      '--grant',
      'client_credentials',
      '--scopes',
      'customers:read customers:write',
      '--role',
      'manager',
    );
    expect(service.code).toBe(0);
    expect(service.json).toEqual({
      clientId: expect.stringMatching(/^clt_app_/),
      clientSecret: expect.stringMatching(/^clt_secret_/),
    });
    const web = await cli(
      'create-oauth-client',
      '--org',
      slug,
      '--name',
      'Web app',
      '--grant',
      'authorization_code',
      '--redirect-uri',
      'https://app.example.com/callback',
      '--redirect-uri',
      'http://localhost:4811/callback',
      '--scopes',
      'customers:read',
    );
    expect(web.code).toBe(0);
    const refused = await cli(
      'create-oauth-client',
      '--org',
      slug,
      '--name',
      'No way back',
      '--grant',
      'authorization_code',
      '--scopes',
      'customers:read',
    );
    expect(refused).toMatchObject({
      code: 1,
      json: { error: { code: 'BAD_REQUEST', message: expect.stringContaining('redirectUris') } },
    });

    const connection = await openConnection(
      onPostgres
        ? { databaseUrl: inject('testDatabaseUrl') }
        : { pgliteDir: databaseEnv.PGLITE_DIR },
    );
    try {
      const stored = await withIdentity(connection.db, (tx) =>
        findOAuthAppByClientId(tx, String(web.json.clientId)),
      );
      expect(stored?.app).toMatchObject({
        name: 'Web app',
        kind: 'authorization_code',
        redirectUris: ['https://app.example.com/callback', 'http://localhost:4811/callback'],
        scopes: ['customers:read'],
      });
      const serviceApp = await withIdentity(connection.db, (tx) =>
        findOAuthAppByClientId(tx, String(service.json.clientId)),
      );
      expect(serviceApp?.app.secretHash).toEqual(
        hashClientSecret(String(service.json.clientSecret)),
      );
    } finally {
      await connection.close();
    }
  });

  describe('create-user', () => {
    const email = `user-${slug}@example.com`;
    const password = 'a member password';
    let organizationId = '';
    let userId = '';

    it('makes a verified member with the role and the password to sign in with', async () => {
      const created = await cli(
        'create-user',
        '--org',
        slug,
        '--email',
        email,
        '--password',
        password,
        '--role',
        'member',
        '--name',
        'Casey Member',
      );
      expect(created).toEqual({ code: 0, json: { userId: expect.any(String) } });
      userId = String(created.json.userId);

      const found = await account(email);
      expect(found?.user).toMatchObject({ id: userId, name: 'Casey Member', email });
      expect(found?.user.emailVerifiedAt).toBeInstanceOf(Date);
      expect(await verifyPassword(found!.user.passwordHash!, password)).toBe(true);
      expect(found?.memberships).toEqual([{ slug, role: 'member' }]);

      organizationId = await withDatabase((connection) =>
        withIdentity(connection.db, async (tx) => (await findOrganizationBySlug(tx, slug))!.id),
      );
      expect(await membersAdded(organizationId)).toEqual([
        expect.objectContaining({
          actorType: 'system',
          actorId: null,
          entityType: 'membership',
          entityId: userId,
          changes: { after: { email, role: 'member' } },
        }),
      ]);
    });

    it('adds an existing account (any case of its e-mail) to another organization, keeping its password', async () => {
      const other = `${slug}-other`;
      const org = await cli(
        'create-org',
        '--name',
        'CLI Other',
        '--slug',
        other,
        '--owner-email',
        `${other}@example.com`,
        '--owner-password',
        'a long password',
      );
      expect(org.code).toBe(0);

      const added = await cli(
        'create-user',
        '--org',
        other,
        '--email',
        email.toUpperCase(),
        '--password',
        'not the password it has',
        '--role',
        'viewer',
      );
      expect(added).toEqual({ code: 0, json: { userId } });
      const found = await account(email);
      expect(found?.memberships).toEqual([
        { slug, role: 'member' },
        { slug: other, role: 'viewer' },
      ]);
      expect(found?.user.email).toBe(email);
      expect(await verifyPassword(found!.user.passwordHash!, password)).toBe(true);
      expect(await membersAdded(String(org.json.organizationId))).toEqual([
        expect.objectContaining({
          entityId: userId,
          changes: { after: { email, role: 'viewer' } },
        }),
      ]);
    });

    it('refuses a member of the organization already, changing nothing', async () => {
      const again = await cli(
        'create-user',
        '--org',
        slug,
        '--email',
        email,
        '--password',
        password,
        '--role',
        'admin',
      );
      expect(again).toMatchObject({
        code: 1,
        json: { error: { code: 'CONFLICT', message: expect.stringContaining('already a member') } },
      });
      expect((await account(email))?.memberships[0]).toEqual({ slug, role: 'member' });
      expect(await membersAdded(organizationId)).toHaveLength(1);
    });

    it('refuses an unknown organization, a bad role, e-mail or password, writing nothing', async () => {
      const fresh = `fresh-${slug}@example.com`;
      const attempt = (overrides: Record<string, string>) => {
        const options = { org: slug, email: fresh, password, role: 'member', ...overrides };
        return cli('create-user', ...Object.entries(options).flatMap(([k, v]) => [`--${k}`, v]));
      };

      expect(await attempt({ org: 'no-such-org' })).toMatchObject({
        code: 1,
        json: { error: { code: 'NOT_FOUND', message: expect.stringContaining('no-such-org') } },
      });
      expect(await attempt({ role: 'superuser' })).toMatchObject({
        code: 2,
        json: { error: { code: 'USAGE', message: expect.stringContaining('--role') } },
      });
      expect(await attempt({ email: 'not-an-address' })).toMatchObject({
        code: 2,
        json: { error: { code: 'USAGE', message: expect.stringContaining('--email') } },
      });
      expect(await attempt({ password: 'short' })).toMatchObject({
        code: 2,
        json: { error: { code: 'USAGE', message: expect.stringContaining('--password') } },
      });
      // Long enough, but refused by the policy sign-up applies.
      expect(await attempt({ password: 'qwerty123456' })).toMatchObject({
        code: 1,
        json: { error: { code: 'BAD_REQUEST', message: expect.stringContaining('commonly used') } },
      });
      expect(await attempt({ password: 'fresh-' + slug })).toMatchObject({
        code: 1,
        json: { error: { code: 'BAD_REQUEST', message: expect.stringContaining('e-mail') } },
      });

      expect(await account(fresh)).toBeNull();
      expect(await membersAdded(organizationId)).toHaveLength(1);
    });
  });

  it('verifies an organization\u2019s audit chain', async () => {
    const { code, json } = await cli('audit-verify', '--org', slug);
    expect(code).toBe(0);
    expect(json).toMatchObject({ organization: slug, ok: true, firstBroken: null });
    expect(json.checked).toBeGreaterThanOrEqual(2);
  });

  it('writes signed checkpoints of the audit chains, which the verification is given', async () => {
    const written = await cli('audit-checkpoint');
    expect(written).toMatchObject({
      code: 0,
      json: { file: path.join(pgliteDir, 'checkpoints', 'audit-checkpoints.jsonl') },
    });
    expect(written.json.written).toBeGreaterThanOrEqual(1);
    const checkpoints = path.join(pgliteDir, 'checkpoints');
    const verified = await cli('audit-verify', '--org', slug, '--checkpoints', checkpoints);
    expect(verified).toMatchObject({
      code: 0,
      json: { ok: true, checkpoints: { valid: 1, invalid: [] } },
    });
    const foreign = await cli(
      'audit-verify',
      '--org',
      slug,
      '--checkpoints',
      checkpoints,
      '--public-key',
      checkpointKeys({ encryptionKey: randomBytes(32).toString('base64') }).publicKeyText,
    );
    expect(foreign).toMatchObject({ code: 1, json: { ok: false, checkpoints: { valid: 0 } } });
  }, 180_000); // three runs of the CLI through tsx: generous on a loaded machine

  it('refuses bad options with exit code 2 and a JSON error, changing nothing', async () => {
    const result = await cli('create-api-key', '--org', slug, '--name', 'Root', '--role', 'owner');
    expect(result.code).toBe(2);
    expect(result.json).toMatchObject({
      error: { code: 'USAGE', message: expect.stringContaining('--role') },
    });
    const unknown = await cli(
      'create-api-key',
      '--org',
      'no-such-org',
      '--name',
      'X',
      '--role',
      'viewer',
    );
    expect(unknown).toMatchObject({ code: 1, json: { error: { code: 'NOT_FOUND' } } });
  });

  it('seeds the demo organization once', async () => {
    const first = await cli('seed');
    expect(first.code).toBe(0);
    if (first.json.created) {
      expect(first.json).toMatchObject({ slug: 'demo', email: 'demo@example.com' });
      expect(first.json.customers).toBeGreaterThanOrEqual(100);
      expect(first.json.interactions).toBeGreaterThan(0);
      expect(first.json.orders).toBeGreaterThan(0);
      expect(first.json.companies).toBeGreaterThan(0);
      expect(first.json.deals).toBeGreaterThan(0);
    }
    const second = await cli('seed');
    expect(second.json).toMatchObject({ created: false, slug: 'demo' });

    // The demo data is usable: the next order gets a fresh number, and paid orders have revenue.
    const connection = await openConnection(
      onPostgres
        ? { databaseUrl: inject('testDatabaseUrl') }
        : { pgliteDir: databaseEnv.PGLITE_DIR },
    );
    try {
      await withTenant(connection.db, String(second.json.organizationId), async (tx) => {
        const [{ highest }] = (await tx.select({ highest: max(orders.number) }).from(orders)) as [
          { highest: number },
        ];
        expect(await nextOrderNumber(tx)).toBe(highest + 1);
        expect(
          (await revenuePerMonth(tx, new Date(Date.now() - 400 * 86_400_000))).length,
        ).toBeGreaterThan(0);
        // People belong to companies, and every stage of the pipeline holds deals with a history.
        const [linked] = await tx
          .select({ companies: countDistinct(customers.companyId) })
          .from(customers)
          .where(isNotNull(customers.companyId));
        expect(linked!.companies).toBeGreaterThan(10);
        const [stages] = await tx
          .select({ all: countDistinct(pipelineStages.id) })
          .from(pipelineStages);
        const [filled] = await tx.select({ used: countDistinct(deals.stageId) }).from(deals);
        expect(filled!.used).toBe(stages!.all);
        const [history] = await tx
          .select({ deals: countDistinct(dealStageChanges.dealId) })
          .from(dealStageChanges);
        const [all] = await tx.select({ deals: countDistinct(deals.id) }).from(deals);
        expect(history!.deals).toBe(all!.deals);
        // Each customer's company is a company record, linked by name.
        const names = await tx
          .select({ company: customers.company, name: companies.name })
          .from(customers)
          .leftJoin(companies, eq(companies.id, customers.companyId));
        expect(names.some((row) => row.company !== null)).toBe(true);
        expect(names.every((row) => row.company === row.name)).toBe(true);
      });
    } finally {
      await connection.close();
    }
  });
});
