import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(os.tmpdir(), 'clientele-npm-start-'));
const pidFile = path.join(dir, 'server.pid');
afterAll(() => {
  // A server npm left behind (the failure this test is about) is stopped here.
  if (existsSync(pidFile)) {
    try {
      process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

// `npm start` as the repository defines it, in front of a stand-in for the built server that
// takes a second to drain on SIGTERM: an orchestrator signals npm, and npm must not exit (taking
// the container with it) before the server has drained.
it('npm start passes SIGTERM to the server and exits only once it has drained', async () => {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as {
    scripts: { start: string };
  };
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'start-script', private: true, scripts: { start: scripts.start } }),
  );
  const drained = path.join(dir, 'drained');
  mkdirSync(path.join(dir, 'dist', 'server'), { recursive: true });
  writeFileSync(
    path.join(dir, 'dist', 'server', 'main.mjs'),
    `import { unlinkSync, writeFileSync } from 'node:fs';
writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));
process.on('SIGTERM', () => setTimeout(() => {
  writeFileSync(${JSON.stringify(drained)}, process.env.NODE_ENV);
  unlinkSync(${JSON.stringify(pidFile)});
  process.exit(0);
}, 1000));
setInterval(() => {}, 1000);
console.log('listening');
`,
  );

  const npm = spawn('npm', ['start', '--silent'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listening = new Promise<void>((resolve) =>
    npm.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening')) resolve();
    }),
  );
  npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => npm.once('exit', resolve));
  await Promise.race([listening, exited]);
  expect(output).toContain('listening');

  npm.kill('SIGTERM');
  const code = await exited;
  // Checked the moment npm exits: the server must have finished by then.
  expect(existsSync(drained), output).toBe(true);
  expect(readFileSync(drained, 'utf8')).toBe('production');
  expect(code).toBe(0);
}, 60_000);
