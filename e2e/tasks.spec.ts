import type { Page } from '@playwright/test';
import { createCustomer, expect, signUp, test } from './support';

/** A local date and time as a `datetime-local` input takes it, `days` from today at `hour`. */
function localDueInput(days: number, hour: number) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(hour)}:00`;
}

/** The dashboard's figure of my overdue tasks. */
const overdueFigure = (page: Page) =>
  page.locator('dl > div').filter({ hasText: 'My overdue tasks' }).locator('dd').first();

test('a task added on a customer is overdue, then completed from the tasks page', async ({
  page,
}) => {
  await signUp(page, 'tasks');
  await createCustomer(page, { firstName: 'Grace', lastName: 'Hopper' });
  await page.goto('/dashboard');
  await expect(overdueFigure(page)).toHaveText('0');
  await page.goto('/customers');
  await page.getByRole('link', { name: 'Grace Hopper' }).click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  const customerPath = new URL(page.url()).pathname;
  const openTasks = page.getByRole('region', { name: 'Open tasks' });
  await expect(openTasks.getByText('No open tasks.')).toBeVisible();

  // Added from the customer's page, due yesterday, assigned to me by default.
  await openTasks.getByRole('button', { name: 'Add task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await dialog.getByLabel('Title').fill('Call Grace back');
  await dialog.getByLabel('Notes').fill('About the compiler demo.');
  await dialog.getByLabel('Due').fill(localDueInput(-1, 10));
  await dialog.getByRole('combobox', { name: 'Priority' }).click();
  await page.getByRole('option', { name: 'High' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Assignee' })).toHaveText('tasks Person');
  await dialog.getByRole('button', { name: 'Create task' }).click();
  await expect(dialog).toBeHidden();
  await expect(openTasks.getByRole('button', { name: 'Complete Call Grace back' })).toBeVisible();
  await expect(openTasks.getByText('High')).toBeVisible();

  // The dashboard counts it as overdue, and links to the tasks.
  await page.goto('/dashboard');
  await expect(overdueFigure(page)).toHaveText('1');
  await page.getByRole('link', { name: 'See my tasks' }).click();
  await expect(page).toHaveURL(/\/tasks$/);

  // On the tasks page it is overdue, with a link to the customer.
  const overdue = page.getByRole('region', { name: 'Overdue (1)' });
  await expect(overdue.getByRole('button', { name: 'Call Grace back', exact: true })).toBeVisible();
  await expect(overdue.getByRole('link', { name: 'Grace Hopper' })).toHaveAttribute(
    'href',
    customerPath,
  );
  await expect(page.getByRole('region', { name: 'Today (0)' })).toBeVisible();

  await overdue.getByRole('button', { name: 'Complete Call Grace back' }).click();
  await expect(page.getByText('You have no open tasks.')).toBeVisible();

  // Done, most recently completed first, and it can be reopened from there.
  await page
    .getByRole('navigation', { name: 'Which tasks' })
    .getByRole('link', { name: 'Done' })
    .click();
  await expect(page).toHaveURL(/\/tasks\?view=done$/);
  const done = page.getByRole('region', { name: 'Done (1)' });
  await expect(done.getByRole('button', { name: 'Reopen Call Grace back' })).toBeVisible();

  // The customer has no open task left, and nothing is overdue any more.
  await page.goto(customerPath);
  await expect(openTasks.getByText('No open tasks.')).toBeVisible();
  await page.goto('/dashboard');
  await expect(overdueFigure(page)).toHaveText('0');
});

test('tasks are completed together, edited, and deleted after confirming', async ({ page }) => {
  await signUp(page, 'bulk-tasks');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByText('You have no open tasks.')).toBeVisible();

  // The first from the palette, anywhere in the app; the others from the page's button.
  await page.goto('/customers');
  await page.keyboard.press('Control+K');
  await page.getByRole('dialog', { name: 'Search' }).getByRole('combobox').fill('new ta');
  await page.getByRole('option', { name: 'New task' }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  for (const [index, title] of [
    'Send the quote',
    'Book the demo',
    'Renew the contract',
  ].entries()) {
    if (index > 0) await page.getByRole('button', { name: 'New task' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New task' });
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Due').fill(localDueInput(3, 9));
    await dialog.getByRole('button', { name: 'Create task' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: `Complete ${title}` })).toBeVisible();
  }
  const upcoming = page.getByRole('region', { name: 'Upcoming (3)' });
  await expect(upcoming).toBeVisible();

  // Two picked and completed together.
  await upcoming.getByRole('checkbox', { name: 'Select Send the quote' }).check();
  await upcoming.getByRole('checkbox', { name: 'Select Book the demo' }).check();
  await page
    .getByRole('region', { name: 'Selected upcoming tasks' })
    .getByRole('button', { name: 'Complete selected' })
    .click();
  await expect(page.getByText('2 tasks completed')).toBeVisible();
  const left = page.getByRole('region', { name: 'Upcoming (1)' });
  await expect(left.getByRole('button', { name: 'Renew the contract', exact: true })).toBeVisible();

  // The title opens its edit.
  await left.getByRole('button', { name: 'Renew the contract', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Renew the contract' });
  await edit.getByLabel('Title').fill('Renew the support contract');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(
    left.getByRole('button', { name: 'Renew the support contract', exact: true }),
  ).toBeVisible();

  // Deleting asks first.
  await left.getByRole('button', { name: 'Renew the support contract', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Edit Renew the support contract' })
    .getByRole('button', { name: 'Delete task' })
    .click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete Renew the support contract?' });
  await confirm.getByRole('button', { name: 'Delete task' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('You have no open tasks.')).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Which tasks' })
    .getByRole('link', { name: 'Done' })
    .click();
  const done = page.getByRole('region', { name: 'Done (2)' });
  await expect(done.getByRole('button', { name: 'Reopen Send the quote' })).toBeVisible();
  await expect(done.getByRole('button', { name: 'Reopen Book the demo' })).toBeVisible();
});
