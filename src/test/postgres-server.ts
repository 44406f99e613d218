import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
    async remove() {
      await this.stop('immediate');
      rmSync(dir, { recursive: true, force: true });
    },
  };
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
