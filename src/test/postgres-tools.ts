import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a PostgreSQL client tool (psql, pg_dump, pg_restore); a failure carries its stderr. */
export async function postgresTool(command: string, args: string[]) {
  try {
    return await run(command, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failed = error as { stderr?: string; message: string };
    throw new Error(`${command} failed: ${failed.stderr || failed.message}`);
  }
}

/**
 * The schema as pg_dump writes it, without what differs between any two dumps, and with each
 * object's grants in a fixed order (their order records only the order they were given in).
 */
export async function schemaOf(url: string) {
  const { stdout } = await postgresTool('pg_dump', [
    '--schema-only',
    '--exclude-schema=pgboss',
    url,
  ]);
  const lines = stdout
    .split('\n')
    .filter((line) => !/^\\(un)?restrict /.test(line) && !line.startsWith('-- Dumped'));
  const normalized: string[] = [];
  let grants: string[] = [];
  for (const line of [...lines, '']) {
    if (/^(GRANT|REVOKE) /.test(line)) {
      grants.push(line);
      continue;
    }
    normalized.push(...grants.sort(), line);
    grants = [];
  }
  return normalized.join('\n');
}
