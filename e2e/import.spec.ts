import { ARTIFACTS, expect, signUp, test } from './support';

test('importing 500 customers flags the bad rows before the import, and adds the good ones', async ({
  page,
}) => {
  await signUp(page, 'importer');
  const bad = new Set([7, 50, 123, 250, 499]);
  const lines = ['Email,First name,Last name,Company'];
  for (let i = 1; i <= 500; i++) {
    lines.push(
      bad.has(i)
        ? `broken-${i},Bad,Row ${i},`
        : `person${i}@import.example,Person,Number ${i},Imported Inc`,
    );
  }

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Import' })
    .click();
  await page.getByLabel('CSV file', { exact: true }).setInputFiles({
    name: 'people.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\n')),
  });
  await page.getByRole('button', { name: 'Read the file' }).click();

  await expect(page.getByRole('combobox', { name: 'Field for column Email' })).toContainText(
    'Email',
  );
  await expect(page.getByRole('combobox', { name: 'Field for column First name' })).toContainText(
    'First name',
  );
  await page.screenshot({ path: `${ARTIFACTS}/import-01-mapping.png` });
  await page.getByRole('button', { name: 'Check the rows' }).click();

  // Every row is checked first; the bad ones are listed, each flagged in its e-mail cell.
  const review = page.getByRole('region', { name: 'Check the rows' });
  await expect(review.getByRole('status')).toHaveText(
    '495 rows ready to import, 0 skipped, 5 rows with problems',
  );
  for (const row of bad) {
    const cell = review.getByRole('textbox', { name: `Email, line ${row + 1}`, exact: true });
    await expect(cell).toHaveAttribute('aria-invalid', 'true');
    await expect(cell).toHaveAccessibleDescription('E-mail is not an e-mail address');
  }
  await page.screenshot({ path: `${ARTIFACTS}/import-02-review.png`, fullPage: true });
  await review.getByRole('button', { name: 'Start import' }).click();

  await expect(
    page.getByRole('region', { name: 'Import finished' }).getByRole('status'),
  ).toHaveText('Import finished: 495 created, 0 updated, 0 skipped, 0 rows with problems.', {
    timeout: 30_000,
  });
  await expect(page.getByText('5 rows were left out before the import.')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/import-03-result.png`, fullPage: true });

  await page.getByRole('link', { name: 'View customers' }).click();
  await expect(page.getByText('495 customers')).toBeVisible();
  await page.getByLabel('Search customers').fill('person251@import.example');
  await expect(page.getByText('1 customer matches')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Person Number 251' })).toBeVisible();
});

test('importing companies, then deals that name them, fills the board', async ({ page }) => {
  await signUp(page, 'deal-importer');
  const kindField = page.getByRole('combobox', { name: 'What the file holds' });
  /** Reads and starts a file on the import page, once it is set to the right kind. */
  const importFile = async (name: string, lines: string[]) => {
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n')),
    });
    await page.getByRole('button', { name: 'Read the file' }).click();
    await page.getByRole('button', { name: 'Check the rows' }).click();
    await expect(page.getByRole('heading', { name: 'Check the rows' })).toBeVisible();
    await page.getByRole('button', { name: 'Start import' }).click();
  };

  // The companies list leads to the import page set to import companies.
  await page.goto('/companies');
  await page.getByRole('link', { name: 'Import companies' }).click();
  await expect(kindField).toContainText('Companies');
  await importFile('accounts.csv', [
    'Company name,Domain,Industry',
    'Analytical Engines,engines.example,Computing',
    'Difference Ltd,difference.example,Computing',
    'analytical engines,,',
  ]);
  await expect(
    page.getByRole('region', { name: 'Import finished' }).getByRole('status'),
  ).toHaveText('Import finished: 2 created, 0 updated, 1 skipped, 0 rows with problems.', {
    timeout: 30_000,
  });

  await page.goto('/import');
  await kindField.click();
  await page.getByRole('option', { name: 'Deals' }).click();
  await importFile('pipeline.csv', [
    'Deal name,Value,Currency,Stage,Company',
    'Engine pilot,"12,000",USD,Proposal,Analytical Engines',
    'Tables licence,800,USD,Qualified,Difference Ltd',
    'Mystery,1,USD,Signed,',
  ]);
  // The unknown stage was flagged before the import, so that row was left out.
  const finished = page.getByRole('region', { name: 'Import finished' });
  await expect(finished.getByRole('status')).toHaveText(
    'Import finished: 2 created, 0 updated, 0 skipped, 0 rows with problems.',
    { timeout: 30_000 },
  );
  await expect(finished.getByText('1 row was left out before the import.')).toBeVisible();

  await finished.getByRole('link', { name: 'View deals' }).click();
  const board = page.getByRole('region', { name: 'Board' });
  await expect(board.getByRole('list', { name: 'Deals in Proposal' })).toContainText(
    'Engine pilot',
  );
  await expect(board.getByRole('list', { name: 'Deals in Qualified' })).toContainText(
    'Tables licence',
  );
});
