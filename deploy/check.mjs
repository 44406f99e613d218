// Proves that the directory the image runs (.next/standalone, completed by deploy/assemble.mjs)
// works on its own: copied to a fresh directory outside the repository, so no module can come
// from the repository's node_modules, it is started as the image starts it and answered over
// HTTP, then stopped with SIGTERM. With PGlite always; with DATABASE_URL set, also on a fresh
// PostgreSQL database migrated by the CLI first, as the Kubernetes Job does: as the owner login
// MIGRATION_DATABASE_URL names when it is set (which creates the database), the app then
// running as DATABASE_URL's login without the owner's.
//
// Usage: npm run deploy:check   (after npm run build)
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { expectRefusal, runCli, serveAndCheck } from './check/server.mjs';
import {
  expect,
  megabytes,
  MIGRATE_COMMAND,
  report,
  sizeOf,
  UNPRIVILEGED,
} from './check/support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const assembled = path.join(root, '.next', 'standalone');

async function main() {
  expect(
    existsSync(path.join(assembled, 'dist', 'server', 'main.mjs')),
    `${path.relative(root, assembled)} has no dist/server/main.mjs: run npm run build first`,
  );
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'clientele-deploy-check-'));
  const app = path.join(workspace, 'app');
  try {
    for (let dir = workspace; dir !== path.dirname(dir); dir = path.dirname(dir)) {
      expect(
        !existsSync(path.join(dir, 'node_modules')),
        `${dir}/node_modules exists, so the check could load packages missing from the image`,
      );
    }
    await cp(assembled, app, { recursive: true, verbatimSymlinks: true });
    if (UNPRIVILEGED) {
      await chmod(workspace, 0o755);
      for (const writable of [path.join(app, '.next', 'cache'), path.join(workspace, 'data')]) {
        await mkdir(writable, { recursive: true });
        await chown(writable, UNPRIVILEGED.uid, UNPRIVILEGED.gid);
      }
      report(`running as uid ${UNPRIVILEGED.uid}, the application's files read-only to it`);
    }
    const image = await sizeOf(app);
    const installed = await sizeOf(path.join(root, 'node_modules'));
    report(
      `image directory: ${megabytes(image.bytes)} in ${image.files} files ` +
        `(the repository's full node_modules: ${megabytes(installed.bytes)} in ${installed.files} files)`,
    );

    await checkPglite(app, workspace);
    if (process.env.DATABASE_URL) {
      await checkPostgres(app, {
        runtime: process.env.DATABASE_URL,
        owner: process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL,
      });
    } else {
      report('DATABASE_URL is not set: PostgreSQL and the separate migration step not checked');
    }
    report('deploy check passed');
  } finally {
    await rm(workspace, { recursive: true, force: true });
  }
}

async function checkPglite(app, workspace) {
  report('\nPGlite, migrations at start:');
  const database = { PGLITE_DIR: path.join(workspace, 'data', 'pglite') };
  await expectRefusal(app, { ...database, MIGRATE_AT_START: 'false' });
  await serveAndCheck(app, database);
  const migrated = await runCli(app, database, ['migrate']);
  expect(
    migrated.applied === 0,
    `migrate after the server's own migrations applied ${migrated.applied}`,
  );
  report(`  ✓ ${MIGRATE_COMMAND}: ${JSON.stringify(migrated)}`);
}

async function checkPostgres(app, servers) {
  const twoLogins = servers.owner !== servers.runtime;
  report(
    `\nPostgreSQL, migrations as a separate step (MIGRATE_AT_START=false), ` +
      (twoLogins ? 'by the owner login, serving as another' : 'one login'),
  );
  const name = `clientele_deploy_check_${randomBytes(4).toString('hex')}`;
  const admin = postgres(servers.owner, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  try {
    const onDatabase = (server) => {
      const url = new URL(server);
      url.pathname = `/${name}`;
      return url.toString();
    };
    const database = { DATABASE_URL: onDatabase(servers.runtime), MIGRATE_AT_START: 'false' };
    if (process.env.REDIS_URL) database.REDIS_URL = process.env.REDIS_URL;
    await expectRefusal(app, database);
    const migrated = await runCli(
      app,
      {
        ...database,
        ...(twoLogins ? { MIGRATION_DATABASE_URL: onDatabase(servers.owner) } : {}),
      },
      ['migrate'],
    );
    expect(migrated.applied > 0, `migrate on a fresh database applied ${migrated.applied}`);
    report(`  ✓ ${MIGRATE_COMMAND}: ${JSON.stringify(migrated)}`);
    await serveAndCheck(app, database, { auditTrailAlterable: twoLogins ? 0 : 1 });
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

await main().catch((error) => {
  process.stderr.write(
    `deploy check failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
