import { expect, test } from './support';

const ARTIFACTS = 'e2e/artifacts';

test('a new user signs up, creates a customer and finds it by searching', async ({ page }) => {
  const suffix = Date.now().toString(36);
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });

  const response = await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  const headers = response!.headers();
  expect(headers['content-security-policy']).toMatch(
    /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
  );
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-request-id']).toBeTruthy();
  await page.getByRole('link', { name: 'Create an organization' }).click();

  await page.getByLabel('Your name').fill('Erin Example');
  await page.getByLabel('Email').fill(`erin-${suffix}@example.com`);
  await page.getByLabel('Password').fill('a long password');
  await page.getByLabel('Organization name').fill(`Erin's Bakery ${suffix}`);
  await page.screenshot({ path: `${ARTIFACTS}/01-sign-up.png` });
  await page.getByRole('button', { name: 'Create organization' }).click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Customers' })
    .click();
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
  await expect(page.getByText('No customers yet.')).toBeVisible();

  await page.getByRole('button', { name: 'New customer' }).click();
  const dialog = page.getByRole('dialog', { name: 'New customer' });
  await dialog.getByLabel('First name').fill('Margaret');
  await dialog.getByLabel('Last name').fill('Hamilton');
  await dialog.getByLabel('Email').fill('not-an-email');
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await expect(dialog.getByText('must be a valid e-mail address')).toBeVisible();

  await dialog.getByLabel('Email').fill(`margaret-${suffix}@apollo.example`);
  await dialog.getByLabel('Company').fill('Apollo Guidance');
  await page.screenshot({ path: `${ARTIFACTS}/02-create-customer.png` });
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: 'Margaret Hamilton' })).toBeVisible();

  await page.getByRole('button', { name: 'New customer' }).click();
  await dialog.getByLabel('First name').fill('Katherine');
  await dialog.getByLabel('Last name').fill('Johnson');
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('cell', { name: 'Katherine Johnson' })).toBeVisible();

  // A search with a typo still finds her, and the term is kept in the URL.
  await page.getByLabel('Search customers').fill('hamiltn');
  await expect(page).toHaveURL(/\?q=hamiltn$/);
  await expect(page.getByRole('cell', { name: 'Margaret Hamilton' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Katherine Johnson' })).toBeHidden();
  await page.screenshot({ path: `${ARTIFACTS}/03-search.png` });

  // Reloading the shared URL renders the same result on the server.
  await page.reload();
  await expect(page.getByLabel('Search customers')).toHaveValue('hamiltn');
  await expect(page.getByRole('cell', { name: 'Margaret Hamilton' })).toBeVisible();

  await page.getByRole('button', { name: 'Account menu for Erin Example' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/customers');
  await expect(page).toHaveURL(/\/sign-in$/);
  // Every script ran under the nonce-based policy: nothing was blocked.
  expect(cspViolations).toEqual([]);
});

test('signing in with the wrong password says so without revealing whether the account exists', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('nobody@example.com');
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Invalid e-mail or password' }),
  ).toBeVisible();
});
