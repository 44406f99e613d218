import type { Locator, Page } from '@playwright/test';
import { expect, openDialog, signUp, test } from './support';

/** Creates a deal from the "New deal" dialog of the deals page, in its first stage. */
async function createDeal(page: Page, title: string, amount: string) {
  const dialog = await openDialog(page, 'New deal');
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Amount').fill(amount);
  await dialog.getByLabel('Expected close date').fill('2027-03-31');
  await dialog.getByRole('button', { name: 'Create deal' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
}

/** A stage's column on the board, named by its heading. */
const column = (page: Page, stage: string) =>
  page.getByRole('region', { name: 'Board' }).getByRole('region', { name: stage, exact: true });

async function expectColumn(column: Locator, deals: number, weighted: string) {
  await expect(
    column.getByText(`${deals} ${deals === 1 ? 'deal' : 'deals'}`, { exact: true }),
  ).toBeVisible();
  await expect(column.getByText(weighted, { exact: true })).toBeVisible();
}

/** Drags with the mouse from the middle of one element to the middle of another, in steps. */
async function drag(page: Page, from: Locator, to: Locator) {
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  if (!start || !end) throw new Error('The elements to drag between are not on screen');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 10, start.y + start.height / 2, { steps: 3 });
  await page.mouse.move(end.x + end.width / 2, end.y + 60, { steps: 12 });
  await page.mouse.up();
}

test('deals move across the board by mouse and keyboard, and a won deal shows on the dashboard', async ({
  page,
}) => {
  await signUp(page, 'deals');

  // A new organization's dashboard starts with what to set up, its figures once there is data.
  await expect(page.getByRole('region', { name: 'Get started' })).toBeVisible();

  // An empty board offers to create the first deal.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deals' }).click();
  await expect(page).toHaveURL(/\/deals$/);
  await expect(page.getByText('No deals in this pipeline yet.')).toBeVisible();
  await createDeal(page, 'Alpha pilot', '1000');
  await createDeal(page, 'Beta renewal', '2000');

  const leadIn = column(page, 'Lead in');
  await expectColumn(leadIn, 2, '$300.00');

  // By mouse: Alpha from Lead in to Qualified.
  const qualified = column(page, 'Qualified');
  await drag(page, leadIn.getByRole('article').filter({ hasText: 'Alpha pilot' }), qualified);
  await expectColumn(qualified, 1, '$250.00');
  await expectColumn(leadIn, 1, '$200.00');

  // By keyboard: Beta two stages on, announced to screen readers by stage name.
  const announcer = page.locator('[id^="DndLiveRegion"]');
  await page.getByRole('button', { name: 'Move Beta renewal' }).focus();
  await page.keyboard.press('Space');
  await expect(announcer).toContainText('Picked up Beta renewal, in Lead in.');
  await page.keyboard.press('ArrowRight');
  await expect(announcer).toContainText('Beta renewal is over Qualified.');
  await page.keyboard.press('ArrowRight');
  await expect(announcer).toContainText('Beta renewal is over Proposal.');
  await page.keyboard.press('Space');
  await expect(announcer).toContainText('Beta renewal was moved from Lead in to Proposal.');
  const proposal = column(page, 'Proposal');
  await expectColumn(proposal, 1, '$1,000.00');
  await expectColumn(leadIn, 0, '—');

  // Escape puts a lifted card back where it was.
  await page.getByRole('button', { name: 'Move Beta renewal' }).focus();
  await page.keyboard.press('Space');
  // The arrow is heard once the card is lifted, as a person hears "Picked up" before moving it.
  await expect(announcer).toContainText('Picked up Beta renewal, in Proposal.');
  await page.keyboard.press('ArrowLeft');
  await expect(announcer).toContainText('Beta renewal is over Qualified.');
  await page.keyboard.press('Escape');
  await expect(announcer).toContainText('Moving was cancelled. Beta renewal stays in Proposal.');
  await expectColumn(proposal, 1, '$1,000.00');

  // The moves survive a reload: they were saved, not only shown.
  await page.reload();
  await expectColumn(column(page, 'Qualified'), 1, '$250.00');
  await expectColumn(column(page, 'Proposal'), 1, '$1,000.00');

  // Alpha's page says its order needs a person, and one is added from the edit dialog.
  await page.getByRole('link', { name: 'Alpha pilot' }).click();
  await expect(page.getByRole('heading', { name: 'Alpha pilot', level: 1 })).toBeVisible();
  const alphaPath = new URL(page.url()).pathname;
  await expect(page.getByText('No one is linked to this deal yet.')).toBeVisible();
  await page.goto('/customers');
  await page.getByRole('button', { name: 'New customer' }).click();
  const newCustomer = page.getByRole('dialog', { name: 'New customer' });
  await newCustomer.getByLabel('First name').fill('Ada');
  await newCustomer.getByLabel('Last name').fill('Lovelace');
  await newCustomer.getByRole('button', { name: 'Create customer' }).click();
  await expect(newCustomer).toBeHidden();
  await page.goto(alphaPath);
  await page.getByRole('button', { name: 'Edit deal' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Alpha pilot' });
  await edit.getByRole('combobox', { name: 'People' }).fill('lovelace');
  await edit.getByRole('option', { name: /Ada Lovelace/ }).click();
  const chosen = edit.getByRole('list', { name: 'Chosen people' });
  await expect(chosen.getByRole('button', { name: 'Remove Ada Lovelace' })).toBeVisible();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  const people = page.getByRole('region', { name: 'People' });
  await expect(people.getByRole('link', { name: 'Ada Lovelace' })).toBeVisible();

  // What was said about the deal goes on its own timeline.
  const composer = page.getByRole('form', { name: 'New timeline entry' });
  await composer.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Call' }).click();
  await composer.getByLabel('Subject').fill('Pricing call with Ada');
  await composer.getByRole('button', { name: 'Add to timeline' }).click();
  const timeline = page.getByRole('list', { name: 'Timeline, newest first' });
  // The timeline also holds the deal's own changes; its calls alone are the one just logged.
  await page
    .getByRole('group', { name: 'Show on the timeline' })
    .getByRole('button', { name: 'Calls' })
    .click();
  await expect(timeline.getByRole('listitem')).toHaveCount(1);
  await expect(timeline.getByRole('listitem')).toContainText('by deals Person');
  // Its author corrects it in place.
  await timeline.getByRole('button', { name: 'Edit Pricing call with Ada' }).click();
  const editEntry = page.getByRole('dialog', { name: 'Edit call' });
  await editEntry.getByLabel('Subject').fill('Pricing call with Ada: 10 seats');
  await editEntry.getByRole('button', { name: 'Save changes' }).click();
  await expect(editEntry).toBeHidden();
  await expect(timeline.getByRole('listitem')).toContainText('Pricing call with Ada: 10 seats');
  // And deletes it: the deal's timeline is empty again.
  await timeline.getByRole('button', { name: 'Delete Pricing call with Ada: 10 seats' }).click();
  const confirmDelete = page.getByRole('alertdialog', { name: 'Delete this call?' });
  await confirmDelete.getByRole('button', { name: 'Delete call' }).click();
  await expect(page.getByText('Nothing of these kinds yet.')).toBeVisible();

  // Alpha is won from its page, and becomes a draft order billed to Ada.
  await page.getByRole('combobox', { name: 'Stage' }).click();
  await page.getByRole('option', { name: 'Won' }).click();
  await expect(page.getByText('Alpha pilot moved to Won')).toBeVisible();
  const history = page.getByRole('region', { name: 'Stage history' });
  await expect(history.getByText('Created in Lead in')).toBeVisible();
  await expect(history.getByText('Lead in → Qualified')).toBeVisible();
  await expect(history.getByText('Qualified → Won')).toBeVisible();
  await page.getByRole('button', { name: 'Create draft order' }).click();
  await page.getByRole('link', { name: /^Order #\d+$/ }).click();
  await expect(page.getByRole('heading', { name: /^Order #\d+$/, level: 1 })).toBeVisible();
  const lines = page.getByRole('region', { name: 'Lines' });
  await expect(lines.getByRole('cell', { name: 'Alpha pilot' })).toBeVisible();
  await expect(lines.getByText('$1,000.00').first()).toBeVisible();

  // The list view finds it among the won deals.
  await page.goto('/deals?view=list&status=won');
  await expect(page.getByRole('link', { name: 'Alpha pilot' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Beta renewal' })).toHaveCount(0);

  // The palette finds it by title.
  await page.keyboard.press('Control+K');
  await page.getByRole('dialog', { name: 'Search' }).getByRole('combobox').fill('alpha');
  await page.getByRole('option', { name: /Alpha pilot/ }).click();
  await expect(page.getByRole('heading', { name: 'Alpha pilot', level: 1 })).toBeVisible();

  // The dashboard counts it as won this month.
  await page.goto('/dashboard');
  const pipeline = page.getByRole('region', { name: 'Pipeline' });
  const wonThisMonth = pipeline.locator('dl > div').filter({ hasText: 'Won this month' });
  await expect(wonThisMonth.locator('dd')).toHaveText('$1,000.00');
});

/** Moves a deal from the keyboard, `steps` stages to the right, waiting for each announcement. */
async function moveRight(page: Page, title: string, stages: string[]) {
  const announcer = page.locator('[id^="DndLiveRegion"]');
  await page.getByRole('button', { name: `Move ${title}` }).focus();
  await page.keyboard.press('Space');
  await expect(announcer).toContainText(`Picked up ${title}`);
  for (const stage of stages) {
    await page.keyboard.press('ArrowRight');
    await expect(announcer).toContainText(`${title} is over ${stage}.`);
  }
  await page.keyboard.press('Space');
}

test('a move someone else made first is rolled back with a message', async ({ page, browser }) => {
  // This page hears of no change made elsewhere, so it keeps showing the version it read.
  await page.route('**/api/trpc/events.changes**', (route) => route.abort());
  await signUp(page, 'conflict');
  await page.goto('/deals');
  await createDeal(page, 'Gamma expansion', '500');
  await expectColumn(column(page, 'Lead in'), 1, '$50.00');

  // Someone else moves the deal on first.
  const other = await browser.newContext({ storageState: await page.context().storageState() });
  const tab = await other.newPage();
  await tab.goto('/deals');
  await moveRight(tab, 'Gamma expansion', ['Qualified']);
  await expectColumn(column(tab, 'Qualified'), 1, '$125.00');
  await other.close();

  // The stale move shows at once, is refused, goes back and says why; then the board catches up.
  await moveRight(page, 'Gamma expansion', ['Qualified', 'Proposal']);
  await expect(
    page.getByText(/Gamma expansion.* was not moved: someone else changed it meanwhile/),
  ).toBeVisible();
  await expectColumn(column(page, 'Qualified'), 1, '$125.00');
  await expectColumn(column(page, 'Proposal'), 0, '—');
});

test('an admin renames, adds, reorders and removes stages, naming where deals go', async ({
  page,
}) => {
  await signUp(page, 'stages');
  await page.goto('/deals');
  await createDeal(page, 'Delta upgrade', '800');

  await page.getByRole('button', { name: 'Edit stages' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit stages of Sales' });
  const rows = dialog.getByRole('listitem');
  await rows.nth(1).getByLabel('Name').fill('Discovery');
  await dialog.getByRole('button', { name: 'Move Discovery up' }).click();
  await dialog.getByRole('button', { name: 'Add stage' }).click();
  await rows.nth(4).getByLabel('Name').fill('Legal review');
  await rows.nth(4).getByLabel('Probability (%)').fill('90');
  await dialog.getByRole('button', { name: 'Remove Negotiation' }).click();
  // Lead in holds the deal: removing it asks where the deal goes.
  await dialog.getByRole('button', { name: 'Remove Lead in' }).click();
  await dialog.getByRole('button', { name: 'Save stages' }).click();
  await expect(dialog.getByText('Choose where the deals in Lead in go')).toBeVisible();
  await dialog.getByLabel('Move the deal in Lead in to').selectOption({ label: 'Proposal' });
  await dialog.getByRole('button', { name: 'Save stages' }).click();
  await expect(dialog).toBeHidden();

  const headings = page.getByRole('region', { name: 'Board' }).getByRole('heading', { level: 2 });
  await expect(headings).toHaveText(['Discovery', 'Proposal', 'Legal review', 'Won', 'Lost']);
  await expectColumn(column(page, 'Proposal'), 1, '$400.00');
});
