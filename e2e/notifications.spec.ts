import {
  addTeammate,
  ARTIFACTS,
  createCustomer,
  expect,
  linkFromMailbox,
  signUp,
  test,
} from './support';

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
