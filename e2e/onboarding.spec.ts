import { ARTIFACTS, expect, linkFromMailbox, openDialog, signUp, test } from './support';

test('a new owner works through "Get started", then finds their security settings', async ({
  page,
}) => {
  const { email, suffix } = await signUp(page, 'onboarding');

  // A new organization opens on the checklist, not on a wall of empty figures.
  const checklist = page.getByRole('region', { name: 'Get started' });
  await expect(checklist.getByText('0 of 4 done')).toBeVisible();
  await expect(checklist.getByRole('progressbar', { name: 'Steps done' })).toBeVisible();
  const step = (name: string) => checklist.getByRole('listitem', { name });
  await expect(
    step('Add customers or import them').getByRole('img', { name: 'Not done yet' }),
  ).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/onboarding-01-new.png`, fullPage: true });

  // Import two customers through the wizard (a preview step, where there is one, is passed).
  await checklist.getByRole('link', { name: 'Import customers' }).click();
  await expect(page).toHaveURL(/\/import$/);
  await page.getByLabel('CSV file', { exact: true }).setInputFiles({
    name: 'first-customers.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'Email,First name,Last name',
        `ada-${suffix}@onboarding.example,Ada,Lovelace`,
        `grace-${suffix}@onboarding.example,Grace,Hopper`,
      ].join('\n'),
    ),
  });
  await page.getByRole('button', { name: 'Read the file' }).click();
  const start = page.getByRole('button', { name: /^(Start import|Import \d+ rows?)$/ });
  const review = page.getByRole('button', { name: /^(Preview|Review|Check)/ }).first();
  await expect(start.or(review).first()).toBeVisible();
  if (await review.isVisible()) await review.click();
  await start.click();
  await expect(
    page.getByRole('region', { name: 'Import finished' }).getByRole('status'),
  ).toContainText('2 created', { timeout: 30_000 });

  // Back on the dashboard the step is checked.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Dashboard' })
    .click();
  await expect(checklist.getByText('1 of 4 done')).toBeVisible();
  await expect(
    step('Add customers or import them').getByRole('img', { name: 'Done', exact: true }),
  ).toBeVisible();

  // Invite a teammate right from the checklist, once the address is verified (as invitations need).
  await page.goto(await linkFromMailbox(page, email, '/verify-email?token='));
  await page.goto('/dashboard');
  const invite = await openDialog(page, 'Invite a teammate', 'Invite a member');
  await invite.getByLabel('Email').fill(`teammate-${suffix}@onboarding.example`);
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite).toBeHidden();
  await expect(checklist.getByText('2 of 4 done')).toBeVisible();
  await expect(
    step('Invite your team').getByRole('img', { name: 'Done', exact: true }),
  ).toBeVisible();

  // Name the first stage the way this team says it.
  const stages = await openDialog(page, 'Edit stages', 'Edit stages of Sales');
  await stages.getByRole('listitem').first().getByLabel('Name').fill('First call');
  await stages.getByRole('button', { name: 'Save stages' }).click();
  await expect(stages).toBeHidden();
  await expect(checklist.getByText('3 of 4 done')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/onboarding-02-three-done.png`, fullPage: true });

  // Hiding the checklist is remembered; the figures are there instead.
  await checklist.getByRole('button', { name: 'Hide Get started' }).click();
  await expect(checklist).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Recent activity' })).toBeVisible();
  await expect(checklist).toBeHidden();

  // The empty list of API keys offers to create the first one.
  await page.goto('/api-keys');
  await expect(page.getByText('No API keys yet.')).toBeVisible();
  await page.getByRole('link', { name: 'Create your first key' }).click();
  const createKey = page.getByRole('dialog', { name: 'Create API key' });
  await createKey.getByLabel('Name').fill('Billing sync');
  await createKey.getByRole('button', { name: 'Create key' }).click();
  // The key, shown once, stays on screen though the list is no longer empty.
  const newKey = page.getByRole('dialog', { name: 'Copy your new key' });
  await expect(newKey).toBeVisible();
  await newKey.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('cell', { name: 'Billing sync', exact: true })).toBeVisible();

  // Settings are a few short pages; the navigation reaches Security.
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await expect(page.getByRole('heading', { name: 'Profile settings', level: 1 })).toBeVisible();
  const settingsNav = page.getByRole('navigation', { name: 'Settings' });
  await settingsNav.getByRole('link', { name: 'Security' }).click();
  await expect(page).toHaveURL(/\/settings\/security$/);
  await expect(page.getByRole('heading', { name: 'Security settings', level: 1 })).toBeVisible();
  await expect(settingsNav.getByRole('link', { name: 'Security' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByRole('heading', { name: 'Password', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out everywhere' })).toBeVisible();
  await settingsNav.getByRole('link', { name: 'Organization' }).click();
  await expect(
    page.getByRole('heading', { name: 'Organization settings', level: 1 }),
  ).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/onboarding-03-settings.png`, fullPage: true });
});
