import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// The production build on an unusual port, over a fresh database: E2E_DATABASE_URL when given
// (with E2E_MIGRATION_DATABASE_URL, the owner login that migrates it at start, as production
// does), otherwise an embedded one in a new temporary directory.
const port = Number(process.env.E2E_PORT ?? 3791);
const appUrl = `http://localhost:${port}`;
const database: Record<string, string> = process.env.E2E_DATABASE_URL
  ? {
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      MIGRATION_DATABASE_URL: process.env.E2E_MIGRATION_DATABASE_URL ?? '',
    }
  : {
      DATABASE_URL: '',
      MIGRATION_DATABASE_URL: '',
      PGLITE_DIR: path.join(mkdtempSync(path.join(tmpdir(), 'clientele-e2e-')), 'db'),
    };

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Generous bounds: the journeys must pass on a loaded two-core machine, where a page can take
  // several seconds to render; a bound here catches a hang, not slowness.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: appUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node dist/server/main.mjs',
    url: `${appUrl}/api/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: process.env.E2E_LOG_LEVEL ? 'pipe' : 'ignore',
    stderr: 'pipe',
    // NODE_ENV=test serves the production build with test settings, including the development
    // mailbox the journeys read their e-mails from.
    env: {
      NODE_ENV: 'test',
      PORT: String(port),
      APP_URL: appUrl,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      MAIL_TRANSPORT: 'mailbox',
      // Tests give each browser its own address through X-Forwarded-For (see e2e/support.ts).
      TRUST_PROXY: '1',
      // The webhook journey's receiver listens on this machine.
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
      ...database,
    },
  },
});
