import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';

export interface RunningServer {
  origin: string;
  pid: number;
  process: ChildProcess;
}

const running = new Set<ChildProcess>();

type ServerFile = 'clientele-api.ts' | 'floor.ts';
const SERVER_FILES: ServerFile[] = ['clientele-api.ts', 'floor.ts'];
const BUNDLE_DIR = path.resolve('.data', 'bench', 'servers');

let bundled: Promise<unknown> | undefined;

/** Bundles entry points with esbuild as `npm run build:server` bundles the server. */
export function bundleLikeTheServer(
  entryPoints: string[],
  output: { outdir: string } | { outfile: string },
) {
  return build({
    entryPoints,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    ...('outdir' in output ? { ...output, outExtension: { '.js': '.mjs' } } : output),
    tsconfig: 'tsconfig.json',
    logLevel: 'warning',
  });
}

/**
 * The servers bundled as production bundles the app, so that they start as production does
 * (not through tsx, which compiles on the fly). Once per run.
 */
function bundleServers(): Promise<unknown> {
  bundled ??= bundleLikeTheServer(
    SERVER_FILES.map((file) => path.join(import.meta.dirname, 'servers', file)),
    { outdir: BUNDLE_DIR },
  );
  return bundled;
}

/** A port in 3000–4999 that nothing listens on right now (on `host`). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  for (;;) {
    const port = 3000 + Math.floor(Math.random() * 2000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, host, () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

/**
 * With BENCH_CPU_PROFILE_DIR set, each server writes a V8 CPU profile of its whole life into
 * that directory when it stops (open it in Chrome's DevTools, Performance tab).
 */
function profilingArgs(): string[] {
  const directory = process.env.BENCH_CPU_PROFILE_DIR;
  return directory ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(directory)}`] : [];
}

/**
 * Forks one of ./servers (bundled) in production mode on a free port and resolves once it
 * listens. Every server started is remembered, so that stopAllServers ends them whatever happens.
 */
export async function startServer(
  file: ServerFile,
  env: Record<string, string>,
): Promise<RunningServer> {
  await bundleServers();
  const port = await freePort();
  const child = fork(path.join(BUNDLE_DIR, file.replace(/\.ts$/, '.mjs')), {
    execArgv: profilingArgs(), // not the bench's own (tsx)
    env: { ...process.env, NODE_ENV: 'production', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before listening`)));
  });
  return { origin: `http://127.0.0.1:${port}`, pid: child.pid!, process: child };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(force);
}

/** Asks a server to stop, and kills it if it has not within 10 s. */
export const stopServer = (server: RunningServer) => stop(server.process);

export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map(stop));
}

/** Kills every server still running; synchronous, so it can run in an exit handler. */
export function killAllServers(): void {
  for (const child of running) child.kill('SIGKILL');
}

export interface ApiDatabase {
  /** PostgreSQL; when absent, the API runs on the embedded PGlite database in pgliteDir. */
  databaseUrl?: string;
  pgliteDir?: string;
  /** Count rate limits in this Redis, as several instances would; default: in memory. */
  redisUrl?: string;
}

/** The environment of servers/clientele-api.ts. */
export function apiServerEnv(database: ApiDatabase): Record<string, string> {
  return {
    DATABASE_URL: database.databaseUrl ?? '',
    PGLITE_DIR: database.pgliteDir ?? '',
    REDIS_URL: database.redisUrl ?? '',
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    METRICS_TOKEN: randomBytes(24).toString('hex'),
    MAIL_TRANSPORT: 'log',
    // As a deployment that keeps credentials; the caches case measures it off too.
    CREDENTIAL_CACHE_SECONDS: '300',
    // The bench measures the API, not its limits: high enough never to refuse.
    RATE_LIMIT_REST_PER_KEY: '100000000',
    RATE_LIMIT_REST_PER_ORG: '100000000',
    RATE_LIMIT_TRPC_PER_USER: '100000000',
  };
}
