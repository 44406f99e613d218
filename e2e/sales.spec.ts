import { ARTIFACTS, createCustomer, expect, signUp, test } from './support';

test('a sale from first contact to paid order shows in the dashboard revenue', async ({ page }) => {
  await signUp(page, 'seller');
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();

  await createCustomer(page, {
    firstName: 'Joan',
    lastName: 'Clarke',
    email: 'joan@bletchley.example',
    company: 'Hut 8',
  });
  await page.getByRole('link', { name: 'Joan Clarke' }).click();
  await expect(page.getByRole('heading', { name: 'Joan Clarke', level: 1 })).toBeVisible();

  // A note and a call on the timeline.
  const composer = page.getByRole('form', { name: 'New timeline entry' });
  await composer.getByLabel('Subject').fill('Introduced by Alan');
  await composer.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(page.getByText('Introduced by Alan')).toBeVisible();
  await composer.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Call' }).click();
  await composer.getByLabel('Subject').fill('Discovery call');
  await composer.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(page.getByText('Discovery call')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/sales-01-timeline.png` });

  // An order with two lines.
  await page.getByRole('tab', { name: 'Orders' }).click();
  await page.getByRole('button', { name: 'New order' }).click();
  const dialog = page.getByRole('dialog', { name: 'New order' });
  await dialog.getByLabel('Currency').fill('USD');
  const first = dialog.getByRole('group', { name: 'Line 1' });
  await first.getByLabel('Description').fill('Codebreaking consultancy');
  await first.getByLabel('Quantity').fill('2');
  await first.getByLabel('Unit price').fill('150');
  await dialog.getByRole('button', { name: 'Add line' }).click();
  const second = dialog.getByRole('group', { name: 'Line 2' });
  await second.getByLabel('Description').fill('Support plan');
  await second.getByLabel('Quantity').fill('1');
  await second.getByLabel('Unit price').fill('99.50');
  await expect(dialog.getByText('$399.50')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/sales-02-order.png` });
  await dialog.getByRole('button', { name: 'Create order' }).click();

  await expect(page.getByRole('heading', { name: 'Order #1001', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Mark as placed' }).click();
  await page.getByRole('button', { name: 'Mark as paid' }).click();
  await expect(page.getByText('Paid', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark as fulfilled' })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Dashboard' })
    .click();
  const revenue = page.getByText('Revenue this month').locator('..');
  await expect(revenue).toContainText('$399.50');
  await page.screenshot({ path: `${ARTIFACTS}/sales-03-dashboard.png`, fullPage: true });
});
