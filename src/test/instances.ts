import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { bundleLikeTheServer, freePort } from '@/bench/servers';

export interface Instance {
  url: string;
  process: ChildProcess;
  /** Everything it printed (pino JSON lines), for assertions and for failures' messages. */
  output(): string;
  /** Sends the signal and resolves with the exit code once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const bundleFile = path.resolve('.data', 'test', `instance-${process.pid}.mjs`);
let bundled: Promise<unknown> | undefined;

/** Bundled as `npm run build:server` bundles the server, once per test process. */
function bundleInstance() {
  bundled ??= bundleLikeTheServer([path.join(import.meta.dirname, 'instance-main.ts')], {
    outfile: bundleFile,
  });
  return bundled;
}

const running = new Set<ChildProcess>();

/** What an instance's /api/metrics asks for (production requires a token). */
export const INSTANCE_METRICS_TOKEN = 'instances-test-metrics-token';

/** How long an instance may take to listen, within the hooks that start them (up to 240 s). */
const START_LIMIT_MS = 150_000;

/**
 * Starts an API-only instance of the app in its own process on a free port, in production mode,
 * and resolves once it listens. `env` adds to a minimal production environment.
 */
export async function startInstance(env: Record<string, string>): Promise<Instance> {
  await bundleInstance();
  const port = Number(env.PORT ?? (await freePort()));
  const url = `http://127.0.0.1:${port}`;
  const child = fork(bundleFile, {
    execArgv: [],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      APP_URL: url,
      HOST: '127.0.0.1',
      ENCRYPTION_KEY: Buffer.alloc(32, 'instances-test').toString('base64'),
      METRICS_TOKEN: INSTANCE_METRICS_TOKEN,
      MAIL_TRANSPORT: 'log',
      LOG_LEVEL: 'info',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  running.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  await new Promise<void>((resolve, reject) => {
    // Said before a test's own timeout ends, with what the instance printed, so that an instance
    // stuck while starting shows where.
    const stuck = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The instance was not listening after ${START_LIMIT_MS} ms:\n${output}`));
    }, START_LIMIT_MS);
    child.once('message', () => {
      clearTimeout(stuck);
      resolve();
    });
    void exited.then((code) => {
      clearTimeout(stuck);
      reject(new Error(`The instance exited with ${code} before listening:\n${output}`));
    });
  });
  // Listening is said from inside the process; a test starts once the URL itself answers.
  for (;;) {
    const answered = await fetch(`${url}/api/health`).then(
      () => true,
      () => false,
    );
    if (answered) break;
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The instance exited after listening:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    process: child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Kills every instance still running, and removes the bundle (afterAll). */
export async function stopAllInstances(): Promise<void> {
  bundled = undefined;
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
  rmSync(bundleFile, { force: true });
}
