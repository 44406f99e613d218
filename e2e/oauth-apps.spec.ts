import { createHash, randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { ARTIFACTS, expect, openDialog, signUp, test } from './support';

/** Asks the token endpoint for a client-credentials token with these credentials. */
function requestToken(request: APIRequestContext, clientId: string, clientSecret: string) {
  const basic = Buffer.from(
    `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`,
  ).toString('base64');
  return request.post('/oauth/token', {
    headers: { authorization: `Basic ${basic}` },
    form: { grant_type: 'client_credentials', scope: 'customers:read' },
  });
}

const FIELD_CALLBACK = 'https://field.example.com/oauth/callback';
const SECOND_CALLBACK = 'https://field.example.com/oauth/second';

/** The signed-in person connects the app on the consent page, as the app would send them. */
async function connectApp(page: Page, clientId: string) {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  // The app's own server is not there: its callback answers from here.
  await page.route(`${FIELD_CALLBACK}**`, (route) => route.fulfill({ body: 'connected' }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: FIELD_CALLBACK,
    scope: 'customers:read',
    state: 'journey',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  await page.goto(`/oauth/authorize?${query}`);
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page).toHaveURL(/^https:\/\/field\.example\.com\/oauth\/callback\?code=/);
}

/** Serious and critical WCAG violations on the page as it is now. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`);
}

test('an admin registers OAuth apps, sees secrets once, rotates, revokes and deletes', async ({
  page,
  request,
}) => {
  await signUp(page, 'apps');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'OAuth apps' })
    .click();
  await expect(page.getByText('No apps registered yet.')).toBeVisible();
  await expect(page.getByText('Nobody has let an app act for them yet.')).toBeVisible();

  // A server-to-server app: its secret is shown this once, and it gets tokens.
  let dialog = await openDialog(page, 'Register app');
  await dialog.getByLabel('Name').fill('Nightly sync');
  await dialog.getByLabel('Kind').selectOption({ label: 'Server to server' });
  await dialog.getByLabel('See customers', { exact: true }).check();
  await dialog.getByRole('button', { name: 'Register app' }).click();
  dialog = page.getByRole('dialog', { name: 'Nightly sync is registered' });
  const clientId = await dialog.getByRole('textbox', { name: 'Client ID' }).inputValue();
  const firstSecret = await dialog.getByRole('textbox', { name: 'Client secret' }).inputValue();
  expect(clientId).not.toBe('');
  expect(firstSecret.length).toBeGreaterThan(20);
  await expect(dialog.getByText('The secret is shown only now')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/oauth-apps-01-secret.png` });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Client secret' })).toBeHidden();
  const syncRow = page.getByRole('row').filter({ hasText: 'Nightly sync' });
  await expect(syncRow).toContainText('Server to server');
  await expect(syncRow).toContainText(clientId);
  await syncRow.getByText('1 permission').click();
  await expect(syncRow.getByText('See customers')).toBeVisible();

  const issued = await requestToken(request, clientId, firstSecret);
  expect(issued.status()).toBe(200);
  expect(await issued.json()).toMatchObject({ token_type: expect.stringMatching(/^bearer$/i) });

  // An app acting for people needs a redirect URI; with one it is registered.
  dialog = await openDialog(page, 'Register app');
  await dialog.getByLabel('Name').fill('Field app');
  await dialog.getByLabel('See customers', { exact: true }).check();
  // A toast fading out would be judged mid-fade.
  await expect(page.getByText('App Nightly sync was registered')).toBeHidden();
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Register app' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'needs at least one' })).toBeVisible();
  await dialog.getByLabel('Redirect URIs').fill(FIELD_CALLBACK);
  await dialog.getByRole('button', { name: 'Register app' }).click();
  dialog = page.getByRole('dialog', { name: 'Field app is registered' });
  await expect(dialog.getByRole('textbox', { name: 'Client secret' })).not.toHaveValue('');
  await dialog.getByRole('button', { name: 'Done' }).click();
  const fieldRow = page.getByRole('row').filter({ hasText: 'Field app' });
  await expect(fieldRow).toContainText('Acts for people');
  await expect(fieldRow).toContainText(FIELD_CALLBACK);

  // Editing keeps the kind, and holds the app to the rules it was registered by.
  dialog = await openDialog(page, 'Edit Field app');
  await expect(dialog.getByText('The kind cannot change.')).toBeVisible();
  await expect(dialog.getByLabel('Redirect URIs')).toHaveValue(FIELD_CALLBACK);
  await expect(dialog.getByLabel('See customers', { exact: true })).toBeChecked();
  await dialog.getByLabel('Redirect URIs').fill('');
  await dialog.getByLabel('Logo URL').fill('http://field.example.com/logo.png');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'needs at least one' })).toBeVisible();
  await expect(dialog.getByText('must be an https URL')).toBeVisible();
  await dialog.getByLabel('Redirect URIs').fill(`${FIELD_CALLBACK}\n${SECOND_CALLBACK}`);
  await dialog.getByLabel('Logo URL').fill('https://field.example.com/logo.png');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('App Field app was saved')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(fieldRow).toContainText(SECOND_CALLBACK);
  await expect(fieldRow).toContainText('Acts for people');

  // Rotating shows the new secret once; the old one stops working at once.
  await page.getByRole('button', { name: 'Rotate secret of Nightly sync' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Rotate secret' }).click();
  dialog = page.getByRole('dialog', { name: 'New secret for Nightly sync' });
  const newSecret = await dialog.getByRole('textbox', { name: 'Client secret' }).inputValue();
  expect(newSecret.length).toBeGreaterThan(20);
  expect(newSecret).not.toBe(firstSecret);
  await page.screenshot({ path: `${ARTIFACTS}/oauth-apps-02-rotated.png` });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  expect((await requestToken(request, clientId, firstSecret)).status()).toBe(401);
  expect((await requestToken(request, clientId, newSecret)).status()).toBe(200);

  // A person's connection shows in their settings, and they can end it.
  const fieldClientId = (await fieldRow.locator('code').textContent()) ?? '';
  await connectApp(page, fieldClientId);
  await page.goto('/settings/security');
  const connected = page.getByRole('region', { name: 'Connected apps' });
  const connectedRow = connected.getByRole('row').filter({ hasText: 'Field app' });
  await expect(connectedRow).toContainText('See customers');
  await connectedRow.getByRole('button', { name: 'Disconnect Field app' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Disconnect' }).click();
  await expect(connected.getByText('You have not connected any app.')).toBeVisible();

  // An admin sees everyone's connections on the apps page, and can revoke one.
  await connectApp(page, fieldClientId);
  await page.goto('/apps');
  const grants = page.getByRole('region', { name: 'Connected people' });
  await expect(grants.getByRole('row').filter({ hasText: 'Field app' })).toContainText(
    'See customers',
  );
  await grants.getByRole('button', { name: /^Revoke Field app for / }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke access' }).click();
  await expect(grants.getByText('Nobody has let an app act for them yet.')).toBeVisible();

  // Deleting an app takes it off the list.
  await page.getByRole('button', { name: 'Delete Field app' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete app' }).click();
  await expect(page.getByText('App Field app was deleted')).toBeVisible();
  await expect(fieldRow).toHaveCount(0);
  await expect(syncRow).toBeVisible();
  await expect(page.getByText('App Field app was deleted')).toBeHidden();
  expect(await seriousViolations(page)).toEqual([]);

  // Everyone's own connected apps are in their security settings.
  await page.goto('/settings/security');
  await expect(page.getByRole('heading', { name: 'Connected apps' })).toBeVisible();
  await expect(page.getByText('You have not connected any app.')).toBeVisible();
});
