import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ARTIFACTS, expect, signUp, test } from './support';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Serious and critical WCAG violations on the page as it is now, in both themes. */
async function seriousViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    for (const violation of violations) {
      if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
      for (const node of violation.nodes)
        found.push(`${theme}: ${violation.id}: ${node.target.join(' ')}`);
    }
  }
  return found;
}

/** Clicks a button that downloads a file; the file's name and its text. */
async function downloadFrom(page: Page, click: () => Promise<void>) {
  const downloading = page.waitForEvent('download');
  await click();
  const download = await downloading;
  const text = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  return { name: download.suggestedFilename(), text };
}

test('rows are checked before the import: fixed in place or skipped, and the rest downloaded', async ({
  page,
}) => {
  const { suffix } = await signUp(page, 'previewer');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Import' })
    .click();

  // A sample file shows how a customers file looks.
  const sample = await downloadFrom(page, () =>
    page.getByRole('button', { name: 'Download a sample' }).click(),
  );
  expect(sample.name).toBe('sample-customers.csv');
  expect(sample.text.split('\n')[0]).toBe(
    'First name,Last name,Email,Company,Phone,Status,Tags,City,Country',
  );

  await page.getByLabel('CSV file', { exact: true }).setInputFiles({
    name: 'people.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'Email,First name,Last name,Status',
        `ada-${suffix}@preview.example,Ada,Lovelace,active`,
        '',
        `grace-${suffix}@preview.example,Grace,Hopper,prospect`,
        'linus-at-preview,Linus,Torvalds,lead',
        ',,,',
        `hedy-${suffix}@preview.example,Hedy,Lamarr,lead`,
      ].join('\n'),
    ),
  });
  await page.getByRole('button', { name: 'Read the file' }).click();
  await page.getByRole('button', { name: 'Check the rows' }).click();

  // The blank lines are no rows; the two bad rows are flagged in words, in their cells.
  const review = page.getByRole('region', { name: 'Check the rows' });
  const summary = review.getByRole('status');
  await expect(summary).toHaveText('2 rows ready to import, 0 skipped, 2 rows with problems');
  await expect(review.getByRole('button', { name: 'All rows (4)' })).toBeVisible();
  const status = review.getByRole('textbox', { name: 'Status, line 4' });
  await expect(status).toHaveAttribute('aria-invalid', 'true');
  await expect(status).toHaveAccessibleDescription(
    'Status must be one of lead, active, inactive, churned',
  );
  const email = review.getByRole('textbox', { name: 'Email, line 5' });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('E-mail is not an e-mail address');
  await page.screenshot({ path: `${ARTIFACTS}/import-preview-01-flagged.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  // Grace's status is corrected right there; Linus's row is skipped.
  await status.fill('active');
  await status.press('Tab');
  await expect(status).not.toHaveAttribute('aria-invalid', 'true');
  await expect(
    review.getByText('Status must be one of lead, active, inactive, churned'),
  ).toBeHidden();
  await expect(summary).toHaveText('3 rows ready to import, 0 skipped, 1 row with problems');
  await review.getByRole('button', { name: 'Skip line 5' }).click();
  await expect(summary).toHaveText('3 rows ready to import, 1 skipped, 0 rows with problems');
  await expect(review.getByRole('button', { name: 'Include line 5' })).toBeVisible();

  const leftOut = await downloadFrom(page, () =>
    review.getByRole('button', { name: 'Download rejected rows' }).click(),
  );
  expect(leftOut.name).toBe('people-not-imported.csv');
  expect(leftOut.text).toBe(
    [
      'Email,First name,Last name,Status,Error',
      'linus-at-preview,Linus,Torvalds,lead,Skipped before the import',
      '',
    ].join('\n'),
  );

  await review.getByRole('button', { name: 'Start import' }).click();
  const finished = page.getByRole('region', { name: 'Import finished' });
  await expect(finished.getByRole('status')).toHaveText(
    'Import finished: 3 created, 0 updated, 0 skipped, 0 rows with problems.',
    { timeout: 30_000 },
  );
  await expect(finished.getByText('1 row was left out before the import.')).toBeVisible();
  const rejected = await downloadFrom(page, () =>
    finished.getByRole('button', { name: 'Download rejected rows' }).click(),
  );
  expect(rejected.text).toContain('linus-at-preview,Linus,Torvalds,lead,Skipped before the import');
  await page.screenshot({ path: `${ARTIFACTS}/import-preview-02-finished.png`, fullPage: true });

  // The corrected row was imported with its corrected value.
  await finished.getByRole('link', { name: 'View customers' }).click();
  await page.getByLabel('Search customers').fill(`grace-${suffix}@preview.example`);
  await expect(page.getByText('1 customer matches')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Grace Hopper' })).toBeVisible();
});
