import { ARTIFACTS, createCustomer, expect, signInElsewhere, signUp, test } from './support';

test('a change made in one browser appears in another without reloading', async ({
  page,
  browser,
}) => {
  const { email } = await signUp(page, 'live');
  const other = await signInElsewhere(browser, email);
  await other.page.goto('/customers');
  await expect(other.page.getByText('No customers yet.')).toBeVisible();

  await createCustomer(page, { firstName: 'Dorothy', lastName: 'Vaughan' });
  // No reload in the other browser: the change arrives over server-sent events.
  await expect(other.page.getByRole('cell', { name: 'Dorothy Vaughan' })).toBeVisible();
  await other.page.screenshot({ path: `${ARTIFACTS}/live-01-other-browser.png` });

  // The customer's timeline, open in the other browser, shows a note added here.
  await other.page.getByRole('link', { name: 'Dorothy Vaughan' }).click();
  await expect(
    other.page.getByRole('heading', { name: 'Dorothy Vaughan', level: 1 }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Dorothy Vaughan' }).click();
  const composer = page.getByRole('form', { name: 'New timeline entry' });
  await composer.getByLabel('Subject').fill('Asked about FORTRAN training');
  await composer.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(other.page.getByText('Asked about FORTRAN training')).toBeVisible();

  // The orders list, open in the other browser, shows an order created here.
  await other.page.goto('/orders');
  await expect(other.page.getByText('No orders yet.')).toBeVisible();
  await page.getByRole('tab', { name: 'Orders' }).click();
  await page.getByRole('button', { name: 'New order' }).click();
  const dialog = page.getByRole('dialog', { name: 'New order' });
  await dialog.getByLabel('Currency').fill('EUR');
  const line = dialog.getByRole('group', { name: 'Line 1' });
  await line.getByLabel('Description').fill('Training day');
  await line.getByLabel('Quantity').fill('1');
  await line.getByLabel('Unit price').fill('800');
  await dialog.getByRole('button', { name: 'Create order' }).click();
  await expect(page.getByRole('heading', { name: 'Order #1001', level: 1 })).toBeVisible();
  await expect(other.page.getByRole('cell', { name: '#1001' })).toBeVisible();
  await other.context.close();
});

test('a browser whose session ended elsewhere goes to sign-in by itself', async ({
  page,
  browser,
}) => {
  const { email } = await signUp(page, 'ended');
  const other = await signInElsewhere(browser, email);
  await other.page.goto('/customers');
  await expect(other.page.getByText('No customers yet.')).toBeVisible();

  await page.goto('/settings/security');
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  // No click and no reload in the other browser: its live stream ends with the session.
  await expect(other.page).toHaveURL(/\/sign-in$/);
  await other.context.close();
});
