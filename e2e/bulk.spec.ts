import { ARTIFACTS, createCustomer, expect, signUp, test } from './support';

test('a team lead tags, assigns and deletes several customers at once, and picks the columns', async ({
  page,
}) => {
  await signUp(page, 'bulk');
  for (const [firstName, lastName] of [
    ['Mary', 'Jackson'],
    ['Annie', 'Easley'],
    ['Christine', 'Darden'],
  ] as const) {
    await createCustomer(page, {
      firstName,
      lastName,
      email: `${firstName.toLowerCase()}@nasa.example`,
    });
  }
  const row = (name: string) => page.getByRole('row').filter({ hasText: name });

  await page.getByRole('checkbox', { name: 'Select Mary Jackson' }).check();
  await page.getByRole('checkbox', { name: 'Select Annie Easley' }).check();
  const bar = page.getByRole('region', { name: 'Selected customers' });
  await expect(bar).toContainText('2 customers selected');
  // Some of the list chosen: the box over it is mixed, neither checked nor clear.
  const selectAll = page.getByRole('checkbox', { name: 'Select all shown customers' });
  await expect(selectAll).toHaveJSProperty('indeterminate', true);
  await expect(selectAll).not.toBeChecked();

  await bar.getByRole('button', { name: 'Add tag' }).click();
  const tagDialog = page.getByRole('dialog', { name: 'Add a tag' });
  await tagDialog.getByLabel('Tag').fill('apollo');
  await tagDialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByText('2 customers changed')).toBeVisible();
  await expect(row('Mary Jackson')).toContainText('apollo');
  await expect(row('Annie Easley')).toContainText('apollo');
  await expect(row('Christine Darden')).not.toContainText('apollo');
  await expect(bar).toBeHidden();

  await selectAll.check();
  await expect(bar).toContainText('3 customers selected');
  await expect(selectAll).toHaveJSProperty('indeterminate', false);
  await expect(selectAll).toBeChecked();
  await bar.getByRole('button', { name: 'Assign owner' }).click();
  const ownerDialog = page.getByRole('dialog', { name: 'Assign an owner' });
  await ownerDialog.getByRole('combobox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: 'bulk Person' }).click();
  await ownerDialog.getByRole('button', { name: 'Assign owner' }).click();
  await expect(page.getByText('3 customers changed')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/bulk-01-tagged.png` });

  // Hidden columns stay hidden after a reload.
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Email' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('columnheader', { name: 'Email' })).toHaveCount(0);
  await page.reload();
  await expect(row('Mary Jackson')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Email' })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: 'Company' })).toBeVisible();

  await page.getByRole('checkbox', { name: 'Select Mary Jackson' }).check();
  await page.getByRole('checkbox', { name: 'Select Christine Darden' }).check();
  await page
    .getByRole('region', { name: 'Selected customers' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete 2 customers' }).click();
  await expect(page.getByText('2 customers deleted')).toBeVisible();
  await expect(row('Mary Jackson')).toHaveCount(0);
  await expect(row('Christine Darden')).toHaveCount(0);
  await expect(row('Annie Easley')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/bulk-02-deleted.png` });
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('2 customers restored')).toBeVisible();
  await expect(row('Mary Jackson')).toBeVisible();

  // The command palette finds a customer by part of the name, from the keyboard alone.
  await page.keyboard.press('Control+K');
  await page.getByRole('dialog', { name: 'Search' }).getByRole('combobox').fill('easl');
  await expect(page.getByRole('option', { name: /Annie Easley/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Annie Easley', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Customers');
});
