// Proves that the directory the image runs (.next/standalone, completed by deploy/assemble.mjs)
// works on its own: copied to a fresh directory outside the repository, so no module can come
// from the repository's node_modules, it is started as the image starts it and answered over
// HTTP, then stopped with SIGTERM. With PGlite always; with DATABASE_URL set, also on a fresh
// PostgreSQL database migrated by the CLI first, as the Kubernetes Job does: as the owner login
// MIGRATION_DATABASE_URL names when it is set (which creates the database), the app then
// running as DATABASE_URL's login without the owner's.
//
// Usage: npm run deploy:check   (after npm run build)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, cp, lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const assembled = path.join(root, '.next', 'standalone');
const MIGRATE_COMMAND = 'node dist/cli/main.mjs migrate';
// Production requires one, and the check proves /api/metrics is closed without it.
const METRICS_TOKEN = randomBytes(24).toString('hex');
const READY_WITHIN_MS = 90_000;
// SHUTDOWN_TIMEOUT_MS's default, and a margin for closing the database.
const STOPPED_WITHIN_MS = 35_000;
// Run as root (CI), the app runs as `nobody`, to whom its files are read-only, as in the image
// (and Kubernetes' readOnlyRootFilesystem): it may write only to Next's cache and the data dir.
const UNPRIVILEGED = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

class CheckFailed extends Error {}

function report(line) {
  process.stdout.write(`${line}\n`);
}

function expect(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

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

/** The production settings the image is given, on a free port of this machine. */
async function environment(port, settings) {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    HOST: '127.0.0.1',
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    METRICS_TOKEN,
    ...settings,
  };
}

function start(app, env, args = ['dist/server/main.mjs']) {
  const child = spawn(process.execPath, args, {
    cwd: app,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...UNPRIVILEGED,
  });
  const chunks = [];
  const stdout = [];
  child.stdout.on('data', (chunk) => {
    chunks.push(chunk);
    stdout.push(chunk);
  });
  child.stderr.on('data', (chunk) => chunks.push(chunk));
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    exited,
    output: () => Buffer.concat(chunks).toString('utf8'),
    stdout: () => Buffer.concat(stdout).toString('utf8'),
  };
}

async function expectRefusal(app, settings) {
  const port = await freePort();
  const server = start(app, await environment(port, settings));
  const outcome = await Promise.race([server.exited, timeout(READY_WITHIN_MS)]);
  if (!outcome) server.child.kill('SIGKILL');
  expect(
    outcome && outcome.code !== 0 && server.output().includes(MIGRATE_COMMAND),
    `with MIGRATE_AT_START=false on an unmigrated database the server should exit naming ` +
      `"${MIGRATE_COMMAND}"; it ${outcome ? `exited with ${outcome.code}` : 'kept running'}:\n${server.output()}`,
  );
  report(
    `  ✓ refuses to start on an unmigrated database with MIGRATE_AT_START=false (exit ${outcome.code})`,
  );
}

async function runCli(app, settings, args) {
  const cli = start(app, await environment(await freePort(), settings), [
    'dist/cli/main.mjs',
    ...args,
  ]);
  const { code } = await cli.exited;
  expect(code === 0, `${args.join(' ')} exited with ${code}:\n${cli.output()}`);
  return JSON.parse(cli.stdout());
}

async function serveAndCheck(app, settings, expected = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const server = start(app, await environment(port, settings));
  try {
    await waitUntilReady(base, server);
    report(`  ✓ ready in ${((Date.now() - started) / 1000).toFixed(1)} s on port ${port}`);
    for (const check of CHECKS) {
      const detail = await check.run(base);
      report(`  ✓ ${check.name}${detail ? `: ${detail}` : ''}`);
    }
    if (expected.auditTrailAlterable !== undefined) {
      const alterable = await auditTrailAlterable(base);
      expect(
        alterable === expected.auditTrailAlterable,
        `clientele_audit_trail_alterable is ${alterable}, expected ${expected.auditTrailAlterable}`,
      );
      report(`  ✓ clientele_audit_trail_alterable ${alterable}`);
    }
  } catch (error) {
    server.child.kill('SIGKILL');
    if (error instanceof CheckFailed)
      error.message += `\n--- server output ---\n${server.output()}`;
    throw error;
  }
  const stopping = Date.now();
  server.child.kill('SIGTERM');
  const outcome = await Promise.race([server.exited, timeout(STOPPED_WITHIN_MS)]);
  if (!outcome) server.child.kill('SIGKILL');
  expect(
    outcome?.code === 0,
    `after SIGTERM the server ${outcome ? `exited with ${outcome.code ?? outcome.signal}` : 'kept running'}:\n${server.output()}`,
  );
  report(`  ✓ SIGTERM: exit code 0 after ${((Date.now() - stopping) / 1000).toFixed(1)} s`);
}

/** Whether the login the server runs as could alter the audit trail, from /api/metrics. */
async function auditTrailAlterable(base) {
  const response = await fetch(`${base}/api/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  const text = await response.text();
  expect(response.status === 200, `GET /api/metrics: ${response.status}`);
  const value = /^clientele_audit_trail_alterable (\d)$/m.exec(text)?.[1];
  expect(value !== undefined, '/api/metrics has no clientele_audit_trail_alterable');
  return Number(value);
}

async function waitUntilReady(base, server) {
  const deadline = Date.now() + READY_WITHIN_MS;
  let exited = null;
  void server.exited.then((outcome) => (exited = outcome));
  while (Date.now() < deadline) {
    expect(!exited, `the server exited with ${exited?.code} before it was ready`);
    const response = await fetch(`${base}/api/ready`).catch(() => null);
    if (response?.status === 200) return;
    await delay(200);
  }
  throw new CheckFailed(`not ready within ${READY_WITHIN_MS / 1000} s`);
}

async function get(base, pathname) {
  const response = await fetch(`${base}${pathname}`, { redirect: 'manual' });
  const body = Buffer.from(await response.arrayBuffer());
  expect(response.status === 200, `GET ${pathname}: ${response.status}, expected 200`);
  return { response, text: body.toString('utf8'), bytes: body.length };
}

const CHECKS = [
  {
    name: 'GET /api/health 200 {"status":"ok"}',
    async run(base) {
      const { text } = await get(base, '/api/health');
      expect(JSON.parse(text).status === 'ok', `/api/health answered ${text}`);
    },
  },
  {
    name: 'GET /api/ready 200',
    run: (base) => get(base, '/api/ready').then(() => undefined),
  },
  {
    name: "GET /sign-in 200 HTML with next.config.mjs's headers, and its scripts",
    async run(base) {
      const { response, text } = await get(base, '/sign-in');
      expect(response.headers.get('content-type')?.startsWith('text/html'), '/sign-in is not HTML');
      expect(text.includes('Email'), '/sign-in has no "Email" field');
      expect(
        response.headers.get('x-frame-options') === 'DENY',
        '/sign-in lacks the X-Frame-Options header from next.config.mjs',
      );
      const scripts = [...text.matchAll(/src="(\/_next\/static\/[^"]+)"/g)].map(
        (match) => match[1],
      );
      expect(scripts.length > 0, '/sign-in links no /_next/static script');
      for (const script of scripts) await get(base, script);
      return `${scripts.length} /_next/static scripts`;
    },
  },
  {
    name: 'GET /robots.txt and /favicon.ico 200, from public/',
    async run(base) {
      const { text } = await get(base, '/robots.txt');
      expect(text.includes('Disallow: /'), `/robots.txt answered ${text}`);
      const { response } = await get(base, '/favicon.ico');
      const type = response.headers.get('content-type');
      expect(type?.startsWith('image/'), `/favicon.ico is ${type}`);
    },
  },
  {
    name: 'GET /api/docs 200, and every file it links',
    async run(base) {
      const { text } = await get(base, '/api/docs');
      const assets = [...text.matchAll(/(?:href|src)="(\/api\/docs\/[^"]+)"/g)].map((m) => m[1]);
      expect(assets.length >= 3, `/api/docs links ${assets.length} files`);
      const sizes = [];
      for (const asset of assets)
        sizes.push(`${path.basename(asset)} ${(await get(base, asset)).bytes} B`);
      return sizes.join(', ');
    },
  },
  {
    name: 'GET /api/metrics 401 without METRICS_TOKEN, 200 with it',
    async run(base) {
      const closed = await fetch(`${base}/api/metrics`);
      expect(closed.status === 401, `/api/metrics without the token: ${closed.status}`);
      const response = await fetch(`${base}/api/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(response.status === 200, `/api/metrics with the token: ${response.status}`);
      expect(
        (await response.text()).includes('clientele_http_requests_total'),
        'no request metrics',
      );
    },
  },
  {
    name: 'GET /api/openapi.json 200',
    async run(base) {
      const { text } = await get(base, '/api/openapi.json');
      const document = JSON.parse(text);
      expect(/^3\./.test(document.openapi), '/api/openapi.json is not an OpenAPI 3 document');
      return `OpenAPI ${document.openapi}, ${Object.keys(document.paths).length} paths`;
    },
  },
];

async function freePort() {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 3000 + Math.floor(Math.random() * 2000);
    const free = await new Promise((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new CheckFailed('no free port between 3000 and 4999');
}

async function sizeOf(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await lstat(path.join(entry.parentPath, entry.name))).size;
    files += 1;
  }
  return { bytes, files };
}

const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves to null after ms, without keeping the process alive once everything else is done. */
const timeout = (ms) => new Promise((resolve) => setTimeout(() => resolve(null), ms).unref());

await main().catch((error) => {
  process.stderr.write(
    `deploy check failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
