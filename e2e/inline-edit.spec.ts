import {
  addTeammate,
  ARTIFACTS,
  createCustomer,
  expect,
  linkFromMailbox,
  signUp,
  test,
} from './support';

test('a customer is edited in place by keyboard, wins a conflict with a teammate, and opens in the side panel', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const { email, suffix } = await signUp(page, 'inline');
  // Only a verified address may invite.
  await page.goto(await linkFromMailbox(page, email, '/verify-email?token='));
  const teammate = await addTeammate(page, browser, 'Tess Teammate', suffix);
  await createCustomer(page, { firstName: 'Nina', lastName: 'Park' });
  await createCustomer(page, { firstName: 'Rafael', lastName: 'Cohen' });
  await expect(page.getByRole('link', { name: 'Rafael Cohen' })).toBeVisible();

  // Enter turns the status into a field; Tab saves it and goes on to the tags.
  const status = page.getByRole('button', { name: 'Edit status of Rafael Cohen' });
  await expect(status).toHaveText('Lead');
  await status.focus();
  await page.keyboard.press('Enter');
  const statusField = page.getByRole('combobox', { name: 'Status of Rafael Cohen' });
  await expect(statusField).toBeFocused();
  await statusField.selectOption('active');
  await page.keyboard.press('Tab');
  const tagsField = page.getByRole('textbox', { name: 'Tags of Rafael Cohen' });
  await expect(tagsField).toBeFocused();
  await expect(status).toHaveText('Active');

  // Escape leaves the tags as they were.
  await page.keyboard.type('vip');
  await page.keyboard.press('Escape');
  const tags = page.getByRole('button', { name: 'Edit tags of Rafael Cohen' });
  await expect(tags).toBeFocused();
  await expect(tags).not.toContainText('vip');
  await page.reload();
  await expect(status).toHaveText('Active');

  // While Rafael's status is open here, the teammate changes it.
  await status.focus();
  await page.keyboard.press('Enter');
  await expect(statusField).toBeFocused();

  await teammate.page.goto('/customers');
  const theirStatus = teammate.page.getByRole('button', { name: 'Edit status of Rafael Cohen' });
  await theirStatus.click();
  await teammate.page
    .getByRole('combobox', { name: 'Status of Rafael Cohen' })
    .selectOption('inactive');
  await teammate.page.keyboard.press('Enter');
  await expect(theirStatus).toHaveText('Inactive');

  // Saving over it shows what the teammate saved and keeps this value, to save it anyway.
  await statusField.selectOption('churned');
  await statusField.press('Enter');
  const conflict = page.getByRole('dialog', {
    name: 'Someone else changed the status of Rafael Cohen meanwhile',
  });
  await expect(conflict).toBeVisible();
  const [theirs, yours] = [
    conflict.getByRole('definition').first(),
    conflict.getByRole('definition').last(),
  ];
  await expect(theirs).toHaveText('Inactive');
  await expect(yours).toHaveText('Churned');
  await page.screenshot({ path: `${ARTIFACTS}/inline-edit-conflict.png` });
  await conflict.getByRole('button', { name: 'Save mine' }).click();
  await expect(conflict).toBeHidden();
  await expect(status).toHaveText('Churned');
  await teammate.page.reload();
  await expect(theirStatus).toHaveText('Churned');
  await teammate.context.close();

  // A click on the row (not on a link or an editable cell) opens the customer beside the list.
  await page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'Rafael Cohen' }) })
    .locator('time')
    .click();
  const panel = page.getByRole('dialog', { name: 'Rafael Cohen' });
  await expect(panel).toBeVisible();
  await expect(page).toHaveURL(/[?&]open=[0-9a-f-]{36}/);
  await expect(panel.getByRole('link', { name: 'Open full page' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Timeline' })).toBeVisible();

  // J goes on to the next customer of the list; the URL keeps it across a reload.
  await page.keyboard.press('j');
  const next = page.getByRole('dialog', { name: 'Nina Park' });
  await expect(next).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/record-panel.png` });
  await page.reload();
  await expect(next).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(next).toBeHidden();
  await expect(page).not.toHaveURL(/open=/);
  await expect(page.getByRole('link', { name: 'Rafael Cohen' })).toBeVisible();
});
