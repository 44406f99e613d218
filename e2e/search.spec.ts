import { ARTIFACTS, createCustomer, expect, signUp, test } from './support';

test('a misspelt name finds the people it means, best match first, in the list and the palette', async ({
  page,
}) => {
  await signUp(page, 'search');
  for (const [firstName, lastName, company] of [
    ['Olivia', 'Cohen', 'Globex'],
    ['Liam', 'Cohen', 'Initech'],
    ['Noah', 'Comstock', 'Hooli'],
    ['Ava', 'Colin', 'Globex'],
    ['Mia', 'Johnson', 'Initech'],
  ] as const) {
    await createCustomer(page, {
      firstName,
      lastName,
      company,
      email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@example.com`,
    });
  }
  const rows = page.getByRole('row').filter({ has: page.getByRole('checkbox') });

  // Every address ends in "example.com", which looks like "Cohn" to trigrams; only the Cohens do.
  await page.getByRole('searchbox').fill('Cohn');
  await expect(page.getByText('2 customers match')).toBeVisible();
  await expect(rows.filter({ hasText: 'Cohen' })).toHaveCount(2);
  await expect(page.getByLabel('Sort by')).toHaveValue('relevance');
  await page.screenshot({ path: `${ARTIFACTS}/search-01-misspelt.png` });

  // Nothing plausible: an honest empty list, not everyone.
  await page.getByRole('searchbox').fill('dark');
  await expect(page.getByText('No customers match “dark”.')).toBeVisible();

  // The palette searches the same way, and Enter opens the best match.
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Search' });
  await palette.getByRole('combobox').fill('Cohn');
  await expect(palette.getByRole('option', { name: /Cohen/ })).toHaveCount(2);
  await expect(palette.getByRole('option', { name: /Comstock|Colin|Johnson/ })).toHaveCount(0);
  await palette.getByRole('combobox').fill('olivai');
  await expect(palette.getByRole('option').first()).toContainText('Olivia Cohen');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Olivia Cohen', level: 1 })).toBeVisible();
});
