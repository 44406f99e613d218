import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'vitest';

const run = promisify(execFile);

/**
 * Runs `npm run --silent cli -- ...args` in this environment, as an operator runs it; its exit
 * code and the one JSON object it printed.
 */
export async function runCli(args: string[], env: NodeJS.ProcessEnv) {
  const result = await run('npm', ['run', '--silent', 'cli', '--', ...args], { env }).then(
    (ok) => ({ code: 0, stdout: ok.stdout, stderr: ok.stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  );
  const lines = result.stdout.trim().split('\n');
  expect(lines, result.stdout + result.stderr).toHaveLength(1);
  return { code: result.code, json: JSON.parse(lines[0]!) as Record<string, unknown> };
}
