import { ARTIFACTS, createCustomer, expect, signUp, test } from './support';

test('an API key created in the app reads customers over REST until it is revoked', async ({
  page,
  request,
}) => {
  const { suffix } = await signUp(page, 'keys');
  const email = `integration-${suffix}@example.com`;
  await createCustomer(page, { firstName: 'Katherine', lastName: 'Johnson', email });

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'API keys' })
    .click();
  await expect(page.getByText('No API keys yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API key' });
  await dialog.getByLabel('Name').fill('ERP sync');
  await dialog.getByRole('button', { name: 'Create key' }).click();
  const key = await page.getByRole('textbox', { name: 'API key' }).inputValue();
  expect(key).toMatch(/^clt_/);
  await page.screenshot({ path: `${ARTIFACTS}/api-keys-01-created.png` });
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('cell', { name: 'ERP sync', exact: true })).toBeVisible();

  const headers = { authorization: `Bearer ${key}` };
  const listed = await request.get(`/api/v1/customers?q=${encodeURIComponent(email)}`, {
    headers,
  });
  expect(listed.status()).toBe(200);
  const body = (await listed.json()) as { items: { email: string; firstName: string }[] };
  expect(body.items).toEqual([expect.objectContaining({ email, firstName: 'Katherine' })]);

  await page.getByRole('button', { name: 'Revoke ERP sync' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke key' }).click();
  await expect(page.getByText('API key ERP sync was revoked')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'ERP sync' })).toContainText('Revoked');
  await page.screenshot({ path: `${ARTIFACTS}/api-keys-02-revoked.png` });

  const refused = await request.get('/api/v1/customers', { headers });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ code: 'UNAUTHORIZED' });
});
