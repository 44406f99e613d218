import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { createCustomer, expect, openDialog, signUp, test } from './support';

/** Fills the "New order" dialog's customer and one line, creates it, and lands on its page. */
async function createOrderFromList(
  page: Page,
  customer: { search: string; name: string },
  line: { description: string; quantity: string; unitPrice: string },
) {
  const dialog = page.getByRole('dialog', { name: 'New order' });
  await dialog.getByRole('combobox', { name: 'Customer' }).fill(customer.search);
  await dialog.getByRole('option', { name: customer.name }).click();
  await expect(dialog.getByRole('combobox', { name: 'Customer' })).toHaveValue(customer.name);
  await dialog.getByLabel('Currency').fill('USD');
  const first = dialog.getByRole('group', { name: 'Line 1' });
  await first.getByLabel('Description').fill(line.description);
  await first.getByLabel('Quantity').fill(line.quantity);
  await first.getByLabel('Unit price').fill(line.unitPrice);
  await dialog.getByRole('button', { name: 'Create order' }).click();
  await expect(dialog).toBeHidden();
}

test('orders are created from the list, found by number or customer, exported, and their history names who changed them', async ({
  page,
}) => {
  await signUp(page, 'orders');
  await createCustomer(page, { firstName: 'Ana', lastName: 'Silva' });
  await createCustomer(page, { firstName: 'Bob', lastName: 'Builder' });

  // A link opens "New order" on the orders page, with the customer to choose.
  await page.goto('/orders?new=order');
  await expect(page.getByRole('dialog', { name: 'New order' })).toBeVisible();
  await createOrderFromList(
    page,
    { search: 'Ana', name: 'Ana Silva' },
    { description: 'Consulting', quantity: '2', unitPrice: '150' },
  );
  await expect(page.getByRole('heading', { name: 'Order #1001', level: 1 })).toBeVisible();

  // Its status history says who created it, placed it and marked it paid.
  const history = page.getByRole('region', { name: 'Status history' });
  await expect(history).toContainText('Created by orders Person');
  await page.getByRole('button', { name: 'Mark as placed' }).click();
  await expect(history).toContainText('Placed by orders Person');
  await page.getByRole('button', { name: 'Mark as paid' }).click();
  await expect(history).toContainText('Paid by orders Person');
  await expect(history.locator('time')).toHaveCount(3);

  // "New order" on the list itself.
  await page.goto('/orders');
  await openDialog(page, 'New order');
  await createOrderFromList(
    page,
    { search: 'Bob', name: 'Bob Builder' },
    { description: 'Bricks', quantity: '10', unitPrice: '4.50' },
  );
  await expect(page.getByRole('heading', { name: 'Order #1002', level: 1 })).toBeVisible();

  // The filters are labelled.
  await page.goto('/orders');
  const filters = page.getByRole('group', { name: 'Filter orders' });
  await expect(filters.getByRole('button', { name: 'Status: All' })).toBeVisible();
  await expect(filters.getByLabel('From', { exact: true })).toBeVisible();
  await expect(filters.getByLabel('To', { exact: true })).toBeVisible();
  await expect(filters.getByLabel('Min total')).toBeVisible();
  await expect(filters.getByLabel('Max total')).toBeVisible();

  // Found by number, as the pages write it, and by the customer's name.
  const list = page.getByRole('region', { name: 'Order list' });
  const search = page.getByRole('searchbox', { name: 'Search orders' });
  await expect(list.getByRole('link', { name: '#1002' })).toBeVisible();
  await search.fill('#1001');
  await expect(page).toHaveURL(/[?&]q=%231001/);
  await expect(list.getByRole('link', { name: '#1001' })).toBeVisible();
  await expect(list.getByRole('link', { name: '#1002' })).toBeHidden();
  await search.fill('builder');
  await expect(list.getByRole('link', { name: '#1002' })).toBeVisible();
  await expect(list.getByRole('link', { name: '#1001' })).toBeHidden();

  // The export takes the list as filtered, under headers a person reads.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^orders-.*\.csv$/);
  const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  const [header, ...rows] = csv.trim().split('\n');
  expect(header).toBe(
    'Number,Customer,Status,Total,Currency,Lines,Created,Placed,Paid,Fulfilled,Cancelled,Order ID,Customer ID',
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatch(/^1002,Bob Builder,Draft,45\.00,USD,1,/);
});
