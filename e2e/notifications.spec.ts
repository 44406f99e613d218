import type { Browser, Page } from '@playwright/test';
import {
  ARTIFACTS,
  createCustomer,
  expect,
  linkFromMailbox,
  PASSWORD,
  signUp,
  test,
} from './support';

/** Invites a member into the owner's organization; they join from a browser of their own. */
async function addTeammate(owner: Page, browser: Browser, name: string, suffix: string) {
  const email = `teammate-${suffix}@example.com`;
  await owner.goto('/team');
  await owner.getByRole('button', { name: 'Invite member' }).click();
  const dialog = owner.getByRole('dialog', { name: 'Invite a member' });
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await owner.getByRole('option', { name: /^Member/ }).click();
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(owner.getByText(`Invitation sent to ${email}`)).toBeVisible();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(await linkFromMailbox(owner, email, '/invitations/accept?token='));
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account and join' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  return { context, page };
}

test('a teammate made owner of a customer sees it at the bell without reloading, and opens it', async ({
  page,
  browser,
}) => {
  const { email, suffix } = await signUp(page, 'bell');
  // Only a verified address may invite.
  await page.goto(await linkFromMailbox(page, email, '/verify-email?token='));
  await expect(page.getByRole('status')).toContainText(`${email} is verified`);
  const teammate = await addTeammate(page, browser, 'Bea Teammate', suffix);
  const bea = teammate.page;
  await expect(bea.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();

  // The owner hands a customer to the teammate.
  await createCustomer(page, { firstName: 'Katherine', lastName: 'Johnson' });
  await page.getByRole('link', { name: 'Katherine Johnson' }).click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  const customerPath = new URL(page.url()).pathname;
  await page.getByRole('button', { name: 'Edit customer' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Katherine Johnson' });
  await edit.getByRole('combobox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: 'Bea Teammate' }).click();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();

  // No reload: the notification arrives over the live stream.
  const bell = bea.getByRole('button', { name: 'Notifications, 1 unread' });
  await expect(bell).toBeVisible();
  await bell.click();
  const panel = bea.getByRole('dialog', { name: 'Notifications' });
  const notification = panel.getByRole('link', { name: /owner of .*Katherine Johnson/ });
  await expect(notification).toContainText('bell Person made you the owner');
  await bea.screenshot({ path: `${ARTIFACTS}/notifications-01-panel.png` });

  await notification.click();
  await expect(bea).toHaveURL(new RegExp(`${customerPath}$`));
  await expect(bea.getByRole('heading', { name: 'Katherine Johnson', level: 1 })).toBeVisible();
  await expect(panel).toBeHidden();
  await expect(bea.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();

  // The inbox: nothing left unread, the notification among all of them, read.
  await bea.goto('/notifications');
  await expect(bea.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await expect(bea.getByText("You're all caught up")).toBeVisible();
  await bea.getByRole('tab', { name: 'All' }).click();
  await expect(bea).toHaveURL(/\/notifications\?tab=all$/);
  await expect(bea.getByRole('link', { name: /owner of .*Katherine Johnson/ })).toBeVisible();
  await expect(bea.getByRole('button', { name: /^Mark read/ })).toHaveCount(0);
  await bea.screenshot({ path: `${ARTIFACTS}/notifications-02-inbox.png` });
  await teammate.context.close();
});
