import { randomBytes } from 'node:crypto';
import {
  expect,
  test as base,
  type Browser,
  type BrowserContext,
  type Page,
  type Response,
} from '@playwright/test';

export { expect };

/**
 * Waits until React has taken the page over (the app marks `<html data-hydrated>`): a press
 * before then does nothing, and on a loaded machine that can last seconds after the load.
 */
export async function hydrated(page: Page) {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

const readyPages = new WeakSet<Page>();

/** Makes `goto` and `reload` of a page return once an app page has come alive. */
function waitForHydrationOnLoad(page: Page) {
  if (readyPages.has(page)) return;
  readyPages.add(page);
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  async function afterLoad(response: Response | null) {
    if (response?.headers()['content-type']?.startsWith('text/html')) await hydrated(page);
    return response;
  }
  page.goto = async (url, options) => afterLoad(await goto(url, options));
  page.reload = async (options) => afterLoad(await reload(options));
}

function waitForHydrationIn(context: BrowserContext) {
  context.pages().forEach(waitForHydrationOnLoad);
  context.on('page', waitForHydrationOnLoad);
}

/**
 * Each test's browser comes from an address of its own (IPv6 documentation range), passed on
 * by the proxy the test server trusts (TRUST_PROXY=1 in the config), as separate people's
 * would: per-address limits such as sign-ups then apply per test, not to the whole run.
 * Every browser with JavaScript, the test's own or a second one it opens, waits for pages to
 * come alive after `goto` and `reload`.
 */
export const test = base.extend<object, { browser: Browser }>({
  browser: [
    async ({ browser }, provide) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        if (options?.javaScriptEnabled !== false) waitForHydrationIn(context);
        return context;
      };
      await provide(browser);
    },
    { scope: 'worker' },
  ],
  context: async ({ context }, provide) => {
    waitForHydrationIn(context);
    await context.setExtraHTTPHeaders({
      'x-forwarded-for': `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`,
    });
    await provide(context);
  },
});

export const ARTIFACTS = 'e2e/artifacts';
export const PASSWORD = 'a long enough passphrase';

/** Signs up a new owner with their own organization; lands on the dashboard. */
export async function signUp(page: Page, label: string) {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const email = `${label}-${suffix}@example.com`;
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill(`${label} Person`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Organization name').fill(`${label} Org ${suffix}`);
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await hydrated(page);
  return { email, suffix };
}

/** The same account in a second, separate browser. */
export async function signInElsewhere(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await hydrated(page);
  return { context, page };
}

/**
 * Presses the button that opens a dialog until the dialog is there. Right after a page loads,
 * React may not have taken the button over yet (on a loaded machine, for a while), and a press
 * before then does nothing.
 */
export async function openDialog(page: Page, button: string, dialogName = button) {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await expect(async () => {
    if (!(await dialog.isVisible())) {
      await page.getByRole('button', { name: button }).first().click();
    }
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  return dialog;
}

export async function createCustomer(
  page: Page,
  fields: { firstName: string; lastName?: string; email?: string; company?: string },
) {
  await page.goto('/customers');
  const dialog = await openDialog(page, 'New customer');
  await dialog.getByLabel('First name').fill(fields.firstName);
  if (fields.lastName) await dialog.getByLabel('Last name').fill(fields.lastName);
  if (fields.email) await dialog.getByLabel('Email').fill(fields.email);
  if (fields.company) await dialog.getByLabel('Company').fill(fields.company);
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await expect(dialog).toBeHidden();
}

/**
 * The link (containing `path`) of the newest message to `to` in the development mailbox,
 * waiting for the background job that delivers it.
 */
export async function linkFromMailbox(page: Page, to: string, path: string): Promise<string> {
  const link = page
    .getByRole('article')
    .filter({ hasText: to })
    .locator(`a[href*="${path}"]`)
    .first();
  await expect(async () => {
    await page.goto('/dev/mailbox');
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  return (await link.getAttribute('href'))!;
}

/** Invites a member into the owner's organization; they join from a browser of their own. */
export async function addTeammate(owner: Page, browser: Browser, name: string, suffix: string) {
  const email = `teammate-${suffix}@example.com`;
  await owner.goto('/team');
  const dialog = await openDialog(owner, 'Invite member', 'Invite a member');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await owner.getByRole('option', { name: /^Member/ }).click();
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(owner.getByText(`Invitation sent to ${email}`)).toBeVisible();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(await linkFromMailbox(owner, email, '/invitations/accept?token='));
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account and join' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await hydrated(page);
  return { context, page, email };
}
