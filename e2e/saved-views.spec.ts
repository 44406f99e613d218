import {
  addTeammate,
  createCustomer,
  expect,
  linkFromMailbox,
  openDialog,
  signUp,
  test,
} from './support';

test('a shared view of tagged customers is pinned and a teammate applies it; a private view stays private', async ({
  page,
  browser,
}) => {
  const { email, suffix } = await signUp(page, 'views');
  // Only a verified address may invite.
  await page.goto(await linkFromMailbox(page, email, '/verify-email?token='));
  const teammate = await addTeammate(page, browser, 'Vera Viewer', suffix);
  await createCustomer(page, { firstName: 'Mary', lastName: 'Jackson' });
  await createCustomer(page, { firstName: 'Annie', lastName: 'Easley' });

  // Mary is tagged from the list.
  await page.getByRole('checkbox', { name: 'Select Mary Jackson' }).check();
  const selected = page.getByRole('region', { name: 'Selected customers' });
  await selected.getByRole('button', { name: 'Add tag' }).click();
  const tagDialog = page.getByRole('dialog', { name: 'Add a tag' });
  await tagDialog.getByLabel('Tag').fill('apollo');
  await tagDialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByText('1 customer changed')).toBeVisible();

  // Filtered by the tag, the list shows Mary alone.
  const filters = page.getByRole('group', { name: 'Filter customers' });
  await filters.getByLabel('Tag', { exact: true }).fill('apollo');
  await expect(page).toHaveURL(/[?&]tag=apollo/);
  await expect(page.getByRole('link', { name: 'Annie Easley' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Mary Jackson' })).toBeVisible();

  // Saved as a view shared with the organization, then pinned as a tab.
  const save = await openDialog(page, 'Save view');
  await save.getByLabel('View name').fill('Apollo customers');
  await save.getByLabel('Share with everyone in the organization').check();
  await save.getByRole('button', { name: 'Save view' }).click();
  await expect(save).toBeHidden();
  await page.getByRole('button', { name: 'Options for the view Apollo customers' }).click();
  await page.getByRole('menuitem', { name: 'Pin as a tab' }).click();
  const tabs = page.getByRole('navigation', { name: 'Saved views' });
  const apolloTab = tabs.getByRole('link', { name: 'Apollo customers' });
  await expect(apolloTab).toHaveAttribute('aria-current', 'page');

  // A second view, sorted by name, is kept to myself.
  await tabs.getByRole('link', { name: 'All customers' }).click();
  await expect(page.getByRole('link', { name: 'Annie Easley' })).toBeVisible();
  await filters.getByLabel('Sort by').selectOption('name');
  await expect(page).toHaveURL(/[?&]sort=name/);
  const savePrivate = await openDialog(page, 'Save view');
  await savePrivate.getByLabel('View name').fill('Everyone A to Z');
  await savePrivate.getByRole('button', { name: 'Save view' }).click();
  await expect(savePrivate).toBeHidden();

  // The pinned tab brings the tag filter back.
  await apolloTab.click();
  await expect(page).toHaveURL(/[?&]tag=apollo/);
  await expect(page.getByRole('link', { name: 'Annie Easley' })).toBeHidden();

  // The teammate finds the shared view (not pinned for her) and applies it; the private one
  // is not hers to see.
  const mate = teammate.page;
  await mate.goto('/customers');
  await expect(mate.getByRole('link', { name: 'Annie Easley' })).toBeVisible();
  const mateTabs = mate.getByRole('navigation', { name: 'Saved views' });
  await expect(mateTabs.getByRole('link', { name: 'Apollo customers' })).toHaveCount(0);
  await mate.getByRole('button', { name: 'Views', exact: true }).click();
  const shared = mate.getByRole('menuitem', { name: 'Apollo customers' });
  await expect(shared).toBeVisible();
  await expect(mate.getByRole('menuitem', { name: 'Everyone A to Z' })).toHaveCount(0);
  await shared.click();
  await expect(mate).toHaveURL(/[?&]tag=apollo/);
  await expect(mate.getByRole('link', { name: 'Mary Jackson' })).toBeVisible();
  await expect(mate.getByRole('link', { name: 'Annie Easley' })).toBeHidden();
  await expect(
    mate.getByRole('group', { name: 'Filter customers' }).getByLabel('Tag', { exact: true }),
  ).toHaveValue('apollo');
  await teammate.context.close();
});
