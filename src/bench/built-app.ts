import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO } from '@/server/domain/demo-seed';

/** The browser the UI benches drive (Debian's Chromium unless CHROMIUM_PATH says otherwise). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Serves the production build (`npm run build`) over a fresh embedded database holding the
 * demo organization, on a random port. Resolves once the server answers /api/ready.
 */
export async function startBuiltApp() {
  const port = 3400 + Math.floor(Math.random() * 400);
  const origin = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    APP_URL: origin,
    DATABASE_URL: '',
    PGLITE_DIR: path.join(mkdtempSync(path.join(os.tmpdir(), 'clientele-ui-bench-')), 'db'),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    METRICS_TOKEN: randomBytes(24).toString('hex'),
    MAIL_TRANSPORT: 'log',
    LOG_LEVEL: 'warn',
  };
  for (const command of ['migrate', 'seed']) {
    const result = spawnSync('node', ['dist/cli/main.mjs', command], { env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`cli ${command} failed: ${result.stderr}`);
  }
  const server = spawn('node', ['dist/server/main.mjs'], { env, stdio: 'inherit' });
  const stop = () => server.kill('SIGTERM');
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${origin}/api/ready`)).ok) return { origin, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stop();
  throw new Error('the server did not become ready');
}

/** Signs the page in as the demo organization's owner, as a person would; lands on the dashboard. */
export async function signInAsDemo(page: Page, origin: string) {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/dashboard$/);
}
