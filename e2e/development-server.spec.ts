import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { freePort } from '../src/bench/servers';

/**
 * `npm run dev` as a newcomer runs it (Next's development server over a fresh embedded
 * database with the demo organization, APP_URL left at http://localhost:<port>), opened at
 * http://127.0.0.1:<port> instead. It starts its own server, separate from the production
 * build the other journeys use; a development server already running in this directory holds
 * Next's lock, so stop it first. Compiling each page the first time is slow: hence the
 * generous timeouts.
 */
test.describe.configure({ mode: 'serial', timeout: 6 * 60_000 });

const DEMO = { email: 'demo@example.com', password: 'clientele-demo' };
/** Typed into a form without JavaScript; it must show up nowhere: URL, history, log. */
const UNSENT_PASSWORD = 'never-in-a-url-or-a-log';
const TOKENS = {
  '/reset-password': 'reset-token-that-must-stay-out-of-logs',
  '/invitations/accept': 'invitation-token-that-must-stay-out-of-logs',
  '/verify-email': 'verification-token-that-must-stay-out-of-logs',
};

let server: ChildProcess;
let output = '';
let dataDir: string;
let base: string;

test.beforeAll(async () => {
  test.setTimeout(4 * 60_000);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'clientele-dev-e2e-'));
  // The development server listens on every interface.
  const port = await freePort('0.0.0.0');
  base = `http://127.0.0.1:${port}`;
  server = spawn(path.join('node_modules', '.bin', 'tsx'), ['src/server/main.ts'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      PORT: String(port),
      DATABASE_URL: '',
      PGLITE_DIR: path.join(dataDir, 'pglite'),
      LOG_LEVEL: 'info',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await expect
    .poll(async () => (await fetch(`${base}/api/ready`).catch(() => null))?.status, {
      timeout: 3 * 60_000,
      message: `the development server did not get ready:\n${output}`,
    })
    .toBe(200);
});

test.afterAll(async () => {
  if (server?.exitCode === null) {
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Waits until React has taken over the page's form (until then a click submits natively). */
async function expectHydrated(page: Page) {
  await expect
    .poll(
      () =>
        page
          .evaluate(() => {
            const form = document.querySelector('form');
            return Boolean(form && Object.keys(form).some((key) => key.startsWith('__react')));
          })
          // The development server may reload the page while it compiles.
          .catch(() => false),
      { timeout: 3 * 60_000, message: 'the page never came alive (hydrated)' },
    )
    .toBe(true);
}

test('at 127.0.0.1 the sign-in page comes alive and the demo account signs in', async ({
  page,
}) => {
  await page.goto(`${base}/sign-in`, { timeout: 3 * 60_000 });
  await expectHydrated(page);
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${base}/dashboard`, { timeout: 3 * 60_000 });
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible({
    timeout: 60_000,
  });
});

test('without JavaScript, a sign-in is posted, keeps the password out of the URL, and says nothing was sent', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in?next=/customers`);
  expect(await noscriptNotice(page)).toContain('Clientele needs JavaScript');
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password').fill(UNSENT_PASSWORD);
  const [request] = await Promise.all([
    page.waitForRequest((sent) => sent.isNavigationRequest()),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  expect(request.method()).toBe('POST');
  await expect(page.getByText('Nothing was sent')).toBeVisible();
  expect(page.url()).toBe(`${base}/sign-in?next=/customers`);
  await context.close();
});

test('the log carries no query string of a page: no credentials, no tokens', async ({ page }) => {
  for (const [pathname, token] of Object.entries(TOKENS)) {
    const response = await page.request.get(`${base}${pathname}?token=${token}`, {
      timeout: 3 * 60_000,
    });
    expect(response.status(), pathname).toBeLessThan(500);
  }
  // Each page request has its line, with the path alone.
  await expect
    .poll(() => pageRequestLines().map((line) => line.path))
    .toEqual(expect.arrayContaining(Object.keys(TOKENS)));
  for (const secret of [UNSENT_PASSWORD, ...Object.values(TOKENS)]) {
    expect(output, `the log holds ${secret}`).not.toContain(secret);
  }
  expect(output).not.toMatch(/[?&](email|password|token)=/);
});

/**
 * The text of the page's <noscript> notice when the browser shows it (Playwright's text
 * locators skip <noscript>, so it is read from the page).
 */
function noscriptNotice(page: Page) {
  return page.evaluate(() => {
    const notice = document.querySelector('noscript > p');
    return notice && notice.getBoundingClientRect().height > 0 ? notice.textContent : null;
  });
}

/** The JSON request lines of pages (paths outside /api) in the server's output. */
function pageRequestLines(): { path: string }[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg?: string; path?: string })
    .filter((line) => line.msg === 'request' && line.path && !line.path.startsWith('/api'))
    .map((line) => ({ path: line.path! }));
}
