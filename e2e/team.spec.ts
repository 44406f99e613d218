import { ARTIFACTS, expect, hydrated, linkFromMailbox, PASSWORD, test } from './support';

test('an owner asks for the link again, verifies their address, invites a viewer, promotes them, then removes them', async ({
  page,
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const ownerEmail = `owner-${suffix}@example.com`;
  const teammateEmail = `teammate-${suffix}@example.com`;

  // Sign up, then verify the address from the development mailbox.
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill('Olga Owner');
  await page.getByLabel('Email').fill(ownerEmail);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Organization name').fill(`Olga's Orchard ${suffix}`);
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText('Verify your e-mail address')).toBeVisible();
  await hydrated(page);
  await page.getByRole('button', { name: 'Send the link again' }).click();
  await expect(page.getByText(`We sent a new link to ${ownerEmail}`)).toBeVisible();

  await page.goto(await linkFromMailbox(page, ownerEmail, '/verify-email?token='));
  await expect(page.getByRole('status')).toContainText(`${ownerEmail} is verified`);
  await page.screenshot({ path: `${ARTIFACTS}/team-01-verified.png` });
  await page.getByRole('link', { name: 'Continue to Clientele' }).click();
  await expect(page.getByText('Verify your e-mail address')).toBeHidden();

  // Invite a teammate as viewer.
  await page.getByRole('link', { name: 'Team' }).click();
  await page.getByRole('button', { name: 'Invite member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a member' });
  await dialog.getByLabel('Email').fill(teammateEmail);
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: /^Viewer/ }).click();
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${teammateEmail}`)).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/team-02-invited.png` });
  const invitation = await linkFromMailbox(page, teammateEmail, '/invitations/accept?token=');

  // The teammate accepts in their own browser and sees no edit controls.
  const teammateContext = await browser.newContext();
  const teammate = await teammateContext.newPage();
  await teammate.goto(invitation);
  await expect(teammate.getByText(teammateEmail)).toBeVisible();
  await teammate.getByLabel('Your name').fill('Tom Teammate');
  await teammate.getByLabel('Password').fill(PASSWORD);
  await teammate.getByRole('button', { name: 'Create account and join' }).click();
  await expect(teammate).toHaveURL(/\/dashboard$/);
  await teammate.goto('/customers');
  await expect(teammate.getByRole('heading', { name: 'Customers' })).toBeVisible();
  await expect(teammate.getByRole('button', { name: 'New customer' })).toHaveCount(0);
  await expect(teammate.getByText('Verify your e-mail address')).toBeHidden();
  await teammate.screenshot({ path: `${ARTIFACTS}/team-03-viewer.png` });

  // A direct attempt to edit is refused by the server all the same.
  const attempt = await teammate.evaluate(async () => {
    const res = await fetch('/api/trpc/customers.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { firstName: 'Sneaky' } }),
    });
    return res.status;
  });
  expect(attempt).toBe(403);

  // The owner makes them a member; on their next page they can edit.
  await page.goto('/team');
  await page.getByRole('combobox', { name: 'Role of Tom Teammate' }).click();
  await page.getByRole('option', { name: /^Member/ }).click();
  await expect(page.getByRole('combobox', { name: 'Role of Tom Teammate' })).toContainText(
    'Member',
  );
  await page.screenshot({ path: `${ARTIFACTS}/team-04-promoted.png` });

  await teammate.reload();
  await teammate.getByRole('button', { name: 'New customer' }).click();
  const create = teammate.getByRole('dialog', { name: 'New customer' });
  await create.getByLabel('First name').fill('Grace');
  await create.getByLabel('Last name').fill('Hopper');
  await create.getByRole('button', { name: 'Create customer' }).click();
  await expect(teammate.getByRole('cell', { name: 'Grace Hopper' })).toBeVisible();

  // Removed, they are left with no organization: the next page offers to create their own.
  await page.goto('/team');
  await page.getByRole('button', { name: 'Remove Tom Teammate' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove member' }).click();
  await expect(page.getByText('Tom Teammate was removed')).toBeVisible();
  await teammate.goto('/customers');
  await expect(teammate.getByRole('heading', { name: 'Choose an organization' })).toBeVisible();
  await expect(teammate.getByText('You do not belong to any organization')).toBeVisible();
  await hydrated(teammate);
  await teammate.getByRole('button', { name: 'Create an organization' }).click();
  const own = teammate.getByRole('dialog', { name: 'New organization' });
  await own.getByLabel('Organization name').fill('Tom Solo');
  await own.getByRole('button', { name: 'Create organization' }).click();
  await expect(teammate).toHaveURL(/\/dashboard$/);
  await expect(
    teammate.getByRole('button', { name: 'Organization: Tom Solo. Switch organization' }),
  ).toBeVisible();
  await teammateContext.close();
});
