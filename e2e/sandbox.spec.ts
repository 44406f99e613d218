import { ARTIFACTS, expect, hydrated, openDialog, signUp, test } from './support';

test('an owner creates a sandbox, works in it with a test key, resets it with demo data and goes back', async ({
  page,
  request,
}) => {
  const { suffix } = await signUp(page, 'sandbox');
  const live = `sandbox Org ${suffix}`;

  await page.goto('/settings/organization');
  await hydrated(page);
  const section = page.getByRole('region', { name: 'Sandbox' });
  await section.getByRole('button', { name: 'Create sandbox' }).click();
  await expect(page.getByText(`${live} (sandbox) was created`)).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/sandbox-01-created.png` });

  await section.getByRole('button', { name: 'Open sandbox' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const banner = page.getByRole('note', { name: 'Sandbox' });
  await expect(banner).toContainText(`Sandbox of ${live} — data here is separate`);
  await page.goto('/api-keys');
  await hydrated(page);
  const dialog = await openDialog(page, 'Create API key');
  await dialog.getByLabel('Name').fill('CI');
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: /^Admin/ }).click();
  await dialog.getByRole('button', { name: 'Create key' }).click();
  const key = await page.getByRole('textbox', { name: 'API key' }).inputValue();
  expect(key).toMatch(/^clt_test_/);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'CI' })).toContainText('Test key');
  await page.screenshot({ path: `${ARTIFACTS}/sandbox-02-test-key.png` });

  const headers = { authorization: `Bearer ${key}` };
  const reset = await request.post('/api/v1/sandbox/reset', { headers, data: { seed: true } });
  expect(reset.status()).toBe(200);
  const customers = await request.get('/api/v1/customers?limit=1', { headers });
  expect(((await customers.json()) as { items: unknown[] }).items).toHaveLength(1);

  await page.goto('/settings/organization');
  await hydrated(page);
  await section.getByRole('button', { name: 'Reset sandbox' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Reset sandbox' }).click();
  await expect(page.getByText('The sandbox was reset')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/sandbox-03-reset.png` });
  const emptied = await request.get('/api/v1/customers', { headers });
  expect(((await emptied.json()) as { items: unknown[] }).items).toEqual([]);

  await banner.getByRole('button', { name: `Back to ${live}` }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(banner).toHaveCount(0);
});
