import { startOidcProvider, type TestOidcProvider } from '../src/test/oidc-test-provider';
import { expect, signUp, test } from './support';

let provider: TestOidcProvider;

test.beforeAll(async ({ baseURL }) => {
  provider = await startOidcProvider({ redirectUri: `${baseURL}/auth/sso/callback` });
});
test.afterAll(async () => {
  await provider?.close();
});

test('an owner sets up single sign-on and a new colleague signs in through it', async ({
  page,
  browser,
}) => {
  const { suffix } = await signUp(page, 'sso');
  const domain = `sso-${suffix}.test`;

  await page.goto('/settings/organization');
  const section = page.getByRole('region', { name: 'Single sign-on' });
  await expect(section.getByText('/auth/sso/callback')).toBeVisible();
  await section.getByLabel('Issuer URL').fill(provider.issuer);
  await section.getByLabel('Client ID').fill(provider.clientId);
  await section.getByLabel('Client secret').fill(provider.clientSecret);
  await section.getByLabel('Allowed e-mail domains').fill(domain);
  await section.getByRole('button', { name: 'Check provider' }).click();
  await expect(page.getByText('The provider answered as expected')).toBeVisible();
  await section.getByRole('button', { name: 'Save single sign-on' }).click();
  await expect(page.getByText('Single sign-on saved')).toBeVisible();
  await expect(section.getByText('Leave empty to keep the saved secret.')).toBeVisible();

  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto('/sign-in');
  await colleague.getByRole('link', { name: 'Sign in with SSO' }).click();
  await expect(colleague).toHaveURL(/\/sign-in\/sso$/);
  await colleague.getByLabel('Work email').fill(`unknown@elsewhere-${suffix}.test`);
  await colleague.getByRole('button', { name: 'Continue with SSO' }).click();
  await expect(
    colleague.getByRole('alert').filter({ hasText: 'No organization signs in people' }),
  ).toBeVisible();

  const email = `kim@${domain}`;
  provider.signInNext({ email, name: 'Kim Colleague' });
  await colleague.getByLabel('Work email').fill(email);
  await colleague.getByRole('button', { name: 'Continue with SSO' }).click();
  await expect(colleague).toHaveURL(/\/dashboard$/);
  await colleague.goto('/settings/profile');
  await expect(colleague.getByLabel('Name')).toHaveValue('Kim Colleague');
});
