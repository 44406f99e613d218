import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { freePort } from './servers';

const BINARY = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((file) => existsSync(file));

/** Whether PgBouncer is installed (Debian's `pgbouncer` package). */
export const pgbouncerInstalled = () => BINARY !== undefined;

export interface PgBouncer {
  /** `url` (a URL of the PostgreSQL server it pools) with its host and port in place. */
  through(url: string): string;
  /** `SHOW <what>` of its admin console, e.g. the transactions it has served (STATS). */
  show(what: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * PgBouncer in transaction mode on a free port, in front of the server of `serverUrl`, with as
 * few server sessions per database and login as `poolSize`, so that consecutive transactions of
 * one client run on different sessions. Every login of `users` is let in without a password, as
 * the server lets them in. As root it runs as the postgres user (it refuses root).
 */
export async function startPgBouncer(
  serverUrl: string,
  users: string[],
  poolSize = 2,
): Promise<PgBouncer> {
  const server = new URL(serverUrl);
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clientele-pgbouncer-'));
  writeFileSync(path.join(dir, 'users.txt'), users.map((user) => `"${user}" ""\n`).join(''));
  writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'users.txt')}`,
      `admin_users = ${users[0]}`,
      'pool_mode = transaction',
      `default_pool_size = ${poolSize}`,
      'max_client_conn = 500',
      '',
    ].join('\n'),
  );
  const ids = process.getuid?.() === 0 ? postgresIds() : undefined;
  if (ids) chownSync(dir, ids.uid, ids.gid);
  const child = spawn(BINARY!, [path.join(dir, 'pgbouncer.ini')], { stdio: 'pipe', ...ids });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (/listening on 127\.0\.0\.1:\d+/.test(output)) done(resolve);
    }, 50);
    const done = (settle: () => void) => {
      clearInterval(check);
      child.off('exit', exited);
      settle();
    };
    const exited = (code: number | null) =>
      done(() => reject(new Error(`PgBouncer exited with ${code}:\n${output}`)));
    child.once('exit', exited);
  });

  const through = (url: string) => {
    const pooled = new URL(url);
    pooled.hostname = '127.0.0.1';
    pooled.port = String(port);
    return pooled.toString();
  };
  return {
    through,
    async show(what) {
      const admin = new URL(through(serverUrl));
      admin.username = users[0]!;
      admin.pathname = '/pgbouncer';
      const sql = postgres(admin.toString(), {
        max: 1,
        prepare: false,
        fetch_types: false,
        onnotice: () => {},
      });
      try {
        return JSON.stringify(await sql.unsafe(`show ${what}`).simple());
      } finally {
        await sql.end({ timeout: 1 });
      }
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresIds() {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString());
  return { uid: id('-u'), gid: id('-g') };
}
