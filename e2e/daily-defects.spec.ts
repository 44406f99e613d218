import type { Page } from '@playwright/test';
import { createCustomer, expect, openDialog, signUp, test } from './support';

async function boxOf(page: Page, name: string) {
  const box = await page.getByRole('table').boundingBox();
  if (!box) throw new Error(`The ${name} has no box`);
  return box;
}

test('selecting rows shows a floating bar that moves nothing and hides no row', async ({
  page,
}) => {
  await signUp(page, 'no-shift');
  for (const firstName of ['Ada', 'Grace', 'Hedy']) {
    await createCustomer(page, { firstName, lastName: 'Tester' });
  }
  await expect(page.getByRole('checkbox', { name: 'Select Hedy Tester' })).toBeVisible();
  const before = await boxOf(page, 'customer table');

  await page.getByRole('checkbox', { name: 'Select Ada Tester' }).check();
  const bar = page.getByRole('region', { name: 'Selected customers' });
  await expect(bar).toContainText('1 customer selected');
  const after = await boxOf(page, 'customer table');
  expect(after.y).toBeCloseTo(before.y, 0);
  expect(after.x).toBeCloseTo(before.x, 0);
  expect(after.height).toBeCloseTo(before.height, 0);

  // On a phone, scrolled to the end, the last row is above the bar, not under it.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(bar).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const lastRow = page.getByRole('row').last();
  await expect(async () => {
    const row = await lastRow.boundingBox();
    const floating = await bar.boundingBox();
    expect(row && floating).toBeTruthy();
    expect(row!.y + row!.height).toBeLessThanOrEqual(floating!.y);
  }).toPass();

  // The bar stays usable by keyboard and goes away with the selection.
  await bar.getByRole('button', { name: 'Clear selection' }).click();
  await expect(bar).toBeHidden();
});

test('the customer edit dialog keeps Save in view and picks tags and a country from lists', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUp(page, 'edit-dialog');
  await createCustomer(page, { firstName: 'Grace', lastName: 'Hopper' });
  await createCustomer(page, { firstName: 'Ada', lastName: 'Lovelace' });

  // Grace gets a tag, so the organization has one to suggest.
  await page.getByRole('checkbox', { name: 'Select Grace Hopper' }).check();
  await page
    .getByRole('region', { name: 'Selected customers' })
    .getByRole('button', { name: 'Add tag' })
    .click();
  const tagDialog = page.getByRole('dialog', { name: 'Add a tag' });
  await tagDialog.getByLabel('Tag').fill('apollo');
  await tagDialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByText('1 customer changed')).toBeVisible();

  await page.getByRole('link', { name: 'Ada Lovelace' }).click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  const dialog = await openDialog(page, 'Edit customer', 'Edit Ada Lovelace');

  // Save is on screen without scrolling, however long the form.
  const save = dialog.getByRole('button', { name: 'Save changes' });
  await expect(save).toBeInViewport({ ratio: 1 });
  const saveBox = await save.boundingBox();
  expect(saveBox!.y + saveBox!.height).toBeLessThanOrEqual(900);

  // The tag box suggests the tag in use; picking it makes a chip.
  const tags = dialog.getByRole('combobox', { name: 'Tags' });
  await tags.click();
  await tags.pressSequentially('apo');
  await page.getByRole('option', { name: 'apollo' }).click();
  await expect(dialog.getByRole('button', { name: 'Remove apollo' })).toBeVisible();
  await expect(tags).toHaveValue('');

  // A new tag is typed and ended with Enter; Backspace in the empty box takes it back.
  await tags.pressSequentially('pioneer');
  await tags.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Remove pioneer' })).toBeVisible();
  await tags.press('Backspace');
  await expect(dialog.getByRole('button', { name: 'Remove pioneer' })).toBeHidden();
  await expect(dialog).toBeVisible();

  // The country is found by its name and shown by it.
  const country = dialog.getByRole('combobox', { name: 'Country' });
  await country.fill('Portu');
  await page.getByRole('option', { name: /Portugal/ }).click();
  await expect(country).toHaveValue('Portugal');

  await save.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Ada Lovelace was saved')).toBeVisible();

  // Reopened, the dialog shows what was saved.
  const again = await openDialog(page, 'Edit customer', 'Edit Ada Lovelace');
  await expect(again.getByRole('button', { name: 'Remove apollo' })).toBeVisible();
  await expect(again.getByRole('combobox', { name: 'Country' })).toHaveValue('Portugal');
});
