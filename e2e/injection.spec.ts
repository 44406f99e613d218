import { ARTIFACTS, createCustomer, expect, signUp, test } from './support';

const PAYLOAD = '<img src=x onerror=alert(1)>';

test('a name full of HTML is shown as text everywhere and never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await signUp(page, 'injection');
  await createCustomer(page, {
    firstName: PAYLOAD,
    lastName: '"><script>alert(2)</script>',
    company: '<b>Bold Co</b>',
  });

  const everywhere = async (where: string) => {
    await expect(page.locator('img[src="x"]'), where).toHaveCount(0);
    await expect(page.locator('b', { hasText: 'Bold Co' }), where).toHaveCount(0);
  };
  await expect(page.getByText(PAYLOAD).first()).toBeVisible();
  await everywhere('customers list');

  await page.getByRole('link', { name: new RegExp('onerror') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(PAYLOAD);
  await everywhere('customer page');
  await page.screenshot({ path: `${ARTIFACTS}/injection-01-customer.png` });

  await page.goto('/audit');
  await page
    .getByRole('button', { name: /Show changes of entry/ })
    .first()
    .click();
  await expect(page.getByText(PAYLOAD).first()).toBeVisible();
  await everywhere('audit trail');

  await page.goto('/dashboard');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Customers' })
    .click();
  await page.getByLabel('Search customers').fill('onerror');
  await expect(page.getByText(PAYLOAD).first()).toBeVisible();
  await everywhere('search results');
  expect(dialogs).toEqual([]);
});
