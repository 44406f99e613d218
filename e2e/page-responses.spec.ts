import { expect, test } from './support';

const PUBLIC_PAGES = ['/sign-in', '/sign-up', '/forgot-password'];

/** How browsers and Next's router mark a page asked for ahead of a visit. */
const PREFETCHES: Record<string, Record<string, string>> = {
  'a plain request': {},
  'Purpose: prefetch': { purpose: 'prefetch' },
  'Sec-Purpose: prefetch': { 'sec-purpose': 'prefetch' },
  'Next-Router-Prefetch: 1': { 'next-router-prefetch': '1' },
};

test('every page response carries the Content-Security-Policy, prefetches included', async ({
  request,
}) => {
  for (const path of PUBLIC_PAGES) {
    for (const [name, headers] of Object.entries(PREFETCHES)) {
      const response = await request.get(path, { headers, maxRedirects: 0 });
      expect(response.status(), `${path}, ${name}`).toBe(200);
      expect(response.headers()['content-security-policy'], `${path}, ${name}`).toMatch(
        /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
      );
    }
  }
});

test('without JavaScript, the sign-up, sign-in and reset forms post and keep their fields out of the URL', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const secret = 'a password that stays out of URLs';
  const forms = [
    {
      path: '/sign-up',
      fill: async () => {
        await page.getByLabel('Your name').fill('Nora Noscript');
        await page.getByLabel('Email').fill('nora@example.com');
        await page.getByLabel('Password').fill(secret);
        await page.getByLabel('Organization name').fill('Noscript Ltd');
      },
      submit: 'Create organization',
    },
    {
      path: '/sign-in?next=/customers',
      fill: async () => {
        await page.getByLabel('Email').fill('nora@example.com');
        await page.getByLabel('Password').fill(secret);
      },
      submit: 'Sign in',
    },
    {
      path: '/forgot-password',
      fill: () => page.getByLabel('Email').fill('nora@example.com'),
      submit: 'Send reset link',
    },
  ];
  for (const form of forms) {
    await page.goto(form.path);
    await form.fill();
    const [sent] = await Promise.all([
      page.waitForRequest((request) => request.isNavigationRequest()),
      page.getByRole('button', { name: form.submit }).click(),
    ]);
    expect(sent.method(), form.path).toBe('POST');
    await expect(page.getByText('Nothing was sent')).toBeVisible();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(form.path);
  }
  await context.close();
});

test('static files are served from public/', async ({ request }) => {
  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/^User-agent: \*\nDisallow: \/$/m);
  const favicon = await request.get('/favicon.ico');
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toMatch(/^image\//);
});
