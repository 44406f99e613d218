// Starting the image's server and CLI as the image does, and checking the server from ready to
// its exit on SIGTERM.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { CHECKS } from './http-checks.mjs';
import {
  CheckFailed,
  delay,
  expect,
  freePort,
  METRICS_TOKEN,
  MIGRATE_COMMAND,
  report,
  timeout,
  UNPRIVILEGED,
} from './support.mjs';

const READY_WITHIN_MS = 90_000;
// SHUTDOWN_TIMEOUT_MS's default, and a margin for closing the database.
const STOPPED_WITHIN_MS = 35_000;

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

export async function expectRefusal(app, settings) {
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

export async function runCli(app, settings, args) {
  const cli = start(app, await environment(await freePort(), settings), [
    'dist/cli/main.mjs',
    ...args,
  ]);
  const { code } = await cli.exited;
  expect(code === 0, `${args.join(' ')} exited with ${code}:\n${cli.output()}`);
  return JSON.parse(cli.stdout());
}

export async function serveAndCheck(app, settings, expected = {}) {
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
