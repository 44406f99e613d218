import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@/bench/servers';

const run = promisify(execFile);

/**
 * A PostgreSQL server of the test's own (initdb in a temporary directory, on a free port), to
 * kill and restart, or to stream to a hot standby, without touching the machine's server.
 */
export interface PostgresServer {
  port: number;
  /** A URL on this server (default: the superuser and its database). */
  url(database?: string, user?: string): string;
  start(): Promise<void>;
  /** `immediate` is a crash: no checkpoint, connections cut, recovery at the next start. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /**
   * SIGSTOP to the whole cluster (the postmaster, then every process it started): connections
   * stay open, but nothing answers, and server-side timeouts cannot fire, until thawed.
   */
  freeze(): void;
  thaw(): void;
  remove(): Promise<void>;
}

/** The directory of the newest PostgreSQL server binaries installed, if any. */
export function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))[0];
  return version && path.join(root, version, 'bin');
}

/** PostgreSQL refuses to run as root; as root, its commands run as the postgres user. */
function asServerUser(command: string, args: string[]) {
  const bin = path.join(postgresBinaries()!, command);
  return process.getuid?.() === 0
    ? run('runuser', ['-u', 'postgres', '--', bin, ...args])
    : run(bin, args);
}

async function serverDirectory(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clientele-pg-'));
  if (process.getuid?.() === 0) {
    const [uid, gid] = await Promise.all(
      ['-u', '-g'].map(async (flag) => Number((await run('id', [flag, 'postgres'])).stdout)),
    );
    chownSync(dir, uid!, gid!);
  }
  return dir;
}

function serverAt(dir: string, port: number): PostgresServer {
  const data = path.join(dir, 'data');
  return {
    port,
    url: (database = 'postgres', user = 'postgres') =>
      `postgres://${user}@127.0.0.1:${port}/${database}`,
    async start() {
      await asServerUser('pg_ctl', [
        'start',
        '--wait',
        '-D',
        data,
        '-l',
        path.join(dir, 'server.log'),
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`,
      ]);
    },
    async stop(mode = 'fast') {
      await asServerUser('pg_ctl', ['stop', '--wait', '-m', mode, '-D', data]).catch(() => {});
    },
    freeze() {
      const postmaster = postmasterPid(data);
      if (postmaster === undefined) throw new Error('The server is not running');
      // The postmaster first, so that it starts no process once its children are stopped.
      signal(postmaster, 'SIGSTOP');
      for (const pid of childrenOf(postmaster)) signal(pid, 'SIGSTOP');
    },
    thaw() {
      const postmaster = postmasterPid(data);
      if (postmaster === undefined) return;
      for (const pid of childrenOf(postmaster)) signal(pid, 'SIGCONT');
      signal(postmaster, 'SIGCONT');
    },
    async remove() {
      this.thaw();
      await this.stop('immediate');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The postmaster's process id, from the first line of postmaster.pid, while it runs. */
function postmasterPid(data: string): number | undefined {
  const file = path.join(data, 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n', 1)[0]) : undefined;
}

/** Signals one process, which may have exited meanwhile. */
function signal(pid: number, name: NodeJS.Signals) {
  try {
    process.kill(pid, name);
  } catch {
    // gone already
  }
}

/** Processes whose parent is pid (the second field after the name in /proc/<pid>/stat). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** A new, running server with trust authentication on 127.0.0.1. */
export async function startPostgresServer(): Promise<PostgresServer> {
  const dir = await serverDirectory();
  await asServerUser('initdb', [
    '-D',
    path.join(dir, 'data'),
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--no-sync',
  ]);
  const server = serverAt(dir, await freePort());
  await server.start();
  return server;
}

/** A hot standby streaming from primary (pg_basebackup), running read-only. */
export async function startStandby(primary: PostgresServer): Promise<PostgresServer> {
  const dir = await serverDirectory();
  await asServerUser('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    path.join(dir, 'data'),
    '--write-recovery-conf',
    '--wal-method=stream',
    '--checkpoint=fast',
  ]);
  const standby = serverAt(dir, await freePort());
  await standby.start();
  return standby;
}
