import type { Page } from '@playwright/test';
import { ARTIFACTS, expect, openDialog, signInElsewhere, signUp, test } from './support';

/** Adds a new person to the company whose page is open. */
async function addNewPerson(page: Page, company: string, firstName: string, lastName: string) {
  await page.getByRole('button', { name: 'Add person' }).click();
  const dialog = page.getByRole('dialog', { name: `Add a person to ${company}` });
  await dialog.getByRole('tab', { name: 'New person' }).click();
  await dialog.getByLabel('First name').fill(firstName);
  await dialog.getByLabel('Last name').fill(lastName);
  await dialog.getByRole('button', { name: 'Create person' }).click();
  await expect(dialog).toBeHidden();
  const people = page.getByRole('region', { name: 'People' });
  await expect(people.getByRole('link', { name: `${firstName} ${lastName}` })).toBeVisible();
}

test('companies gather their people, warn of duplicates and merge', async ({ page, browser }) => {
  const { email } = await signUp(page, 'companies');

  // The section is next to Customers, and starts empty with the way to fill it.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Companies' })
    .click();
  await expect(page).toHaveURL(/\/companies$/);
  await expect(page.getByRole('heading', { name: 'Companies', level: 1 })).toBeVisible();
  await expect(page.getByText('No companies yet.')).toBeVisible();

  // A company is created from the list and opens on its own page.
  const create = await openDialog(page, 'New company');
  await create.getByLabel('Name').fill('Initech Systems');
  await create.getByLabel('Domain').fill('https://www.Initech.example/about');
  await create.getByLabel('Industry').fill('Software');
  await create.getByRole('button', { name: 'Create company' }).click();
  await expect(page).toHaveURL(/\/companies\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'Initech Systems', level: 1 })).toBeVisible();
  await expect(page.getByText('initech.example · Software')).toBeVisible();
  const initechPath = new URL(page.url()).pathname;

  // One person is created from the company's page.
  await addNewPerson(page, 'Initech Systems', 'Peter', 'Gibbons');

  // The company's page, open in another browser, follows the changes made here.
  const elsewhere = await signInElsewhere(browser, email);
  await elsewhere.page.goto(initechPath);
  const peopleElsewhere = elsewhere.page.getByRole('region', { name: 'People' });
  await expect(peopleElsewhere.getByRole('link', { name: 'Peter Gibbons' })).toBeVisible();

  // Another is created on the customers page, picking the company from its suggestions.
  await page.goto('/customers');
  await page.getByRole('button', { name: 'New customer' }).click();
  const newCustomer = page.getByRole('dialog', { name: 'New customer' });
  await newCustomer.getByLabel('First name').fill('Milton');
  await newCustomer.getByLabel('Last name').fill('Waddams');
  await newCustomer.getByRole('combobox', { name: 'Company' }).fill('initech');
  await newCustomer.getByRole('option', { name: /Initech Systems/ }).click();
  await expect(newCustomer.getByRole('combobox', { name: 'Company' })).toHaveValue(
    'Initech Systems',
  );
  await newCustomer.getByRole('button', { name: 'Create customer' }).click();
  await expect(newCustomer).toBeHidden();
  await expect(peopleElsewhere.getByRole('link', { name: 'Milton Waddams' })).toBeVisible();
  await elsewhere.context.close();

  // Creating Peter again is questioned, with a link to the one there is.
  await page.getByRole('button', { name: 'New customer' }).click();
  await newCustomer.getByLabel('First name').fill('Peter');
  await newCustomer.getByLabel('Last name').fill('Gibbons');
  await newCustomer.getByRole('button', { name: 'Create customer' }).click();
  await expect(newCustomer.getByText('This customer may already exist')).toBeVisible();
  await expect(newCustomer.getByRole('link', { name: 'Peter Gibbons' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(newCustomer).toBeHidden();

  // Milton's page links to his company, whose page lists both people.
  await page.getByRole('link', { name: 'Milton Waddams' }).click();
  await expect(page.getByRole('heading', { name: 'Milton Waddams', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Company: Initech Systems' }).click();
  await expect(page).toHaveURL(new RegExp(`${initechPath}$`));
  const people = page.getByRole('region', { name: 'People' });
  await expect(people.getByRole('link', { name: 'Peter Gibbons' })).toBeVisible();
  await expect(people.getByRole('link', { name: 'Milton Waddams' })).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/company-page.png` });

  // A deal started from the company's Deals tab is the company's, both ways.
  await page.getByRole('tab', { name: 'Deals' }).click();
  const newDeal = await openDialog(page, 'New deal');
  await expect(newDeal.getByRole('combobox', { name: 'Company' })).toHaveValue('Initech Systems');
  await newDeal.getByLabel('Title').fill('Initech rollout');
  await newDeal.getByLabel('Amount').fill('2500');
  await newDeal.getByRole('button', { name: 'Create deal' }).click();
  await expect(newDeal).toBeHidden();
  const deals = page.getByRole('region', { name: 'Deals' });
  await expect(deals.getByRole('row', { name: /Initech rollout.*\$2,500\.00/ })).toBeVisible();
  await deals.getByRole('link', { name: 'Initech rollout' }).click();
  await expect(page.getByRole('heading', { name: 'Initech rollout', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Initech Systems' })).toHaveAttribute(
    'href',
    initechPath,
  );
  await page.goto(initechPath);

  // A call about the company as a whole goes on its timeline, beside its people's entries.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const composer = page.getByRole('form', { name: 'New timeline entry' });
  await composer.getByLabel('Subject').fill('Budget review with purchasing');
  await composer.getByRole('button', { name: 'Add to timeline' }).click();
  const timeline = page.getByRole('list', { name: 'Timeline, newest first' });
  await expect(
    timeline.getByRole('listitem').filter({ hasText: 'Budget review with purchasing' }),
  ).toContainText('about the company');

  // A second company with nearly the same name is questioned before it is created.
  await page.goto('/companies');
  await page.getByRole('button', { name: 'New company' }).first().click();
  await create.getByLabel('Name').fill('Initech Systems, Inc.');
  await create.getByRole('button', { name: 'Create company' }).click();
  await expect(create.getByText('This company may already exist')).toBeVisible();
  await expect(create.getByRole('link', { name: 'Initech Systems' })).toHaveAttribute(
    'href',
    initechPath,
  );
  await page.screenshot({ path: `${ARTIFACTS}/company-duplicate.png` });
  await create.getByRole('button', { name: 'Create anyway' }).click();
  await expect(
    page.getByRole('heading', { name: 'Initech Systems, Inc.', level: 1 }),
  ).toBeVisible();
  await addNewPerson(page, 'Initech Systems, Inc.', 'Samir', 'Nagheenanajar');
  const duplicatePath = new URL(page.url()).pathname;

  // The palette finds the first company; the duplicate is merged into it.
  await page.keyboard.press('Control+K');
  await page.getByRole('dialog', { name: 'Search' }).getByRole('combobox').fill('initech');
  await page.getByRole('option', { name: /Initech Systems\s*initech\.example/ }).click();
  await expect(page).toHaveURL(new RegExp(`${initechPath}$`));
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name: 'Merge another company into this one' }).click();
  const merge = page.getByRole('alertdialog', {
    name: 'Merge another company into Initech Systems',
  });
  await merge.getByRole('combobox', { name: 'Company to merge' }).fill('Initech Systems, Inc');
  await merge.getByRole('option', { name: 'Initech Systems, Inc.' }).click();
  await expect(merge.getByText(/move to Initech Systems/)).toBeVisible();
  await merge.getByRole('button', { name: 'Merge companies' }).click();
  await expect(merge).toBeHidden();
  await expect(page.getByText(/was merged into Initech Systems: 1 person moved/)).toBeVisible();
  await expect(people.getByRole('link', { name: 'Samir Nagheenanajar' })).toBeVisible();
  await expect(people.getByRole('link', { name: 'Peter Gibbons' })).toBeVisible();

  // The merged company is gone; its address now says so.
  await page.goto(duplicatePath);
  await expect(page.getByRole('heading', { name: 'Company not found' })).toBeVisible();
});

test('companies are tagged in bulk, filtered by tag and edited', async ({ page }) => {
  await signUp(page, 'accounts');
  for (const name of ['Globex', 'Hooli']) {
    await page.goto('/companies');
    const create = await openDialog(page, 'New company');
    await create.getByLabel('Name').fill(name);
    await create.getByRole('button', { name: 'Create company' }).click();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }

  // Both are tagged at once from the list.
  await page.goto('/companies');
  await page.getByRole('checkbox', { name: 'Select all shown companies' }).click();
  const selection = page.getByRole('region', { name: 'Selected companies' });
  await expect(selection.getByText('2 companies selected')).toBeVisible();
  await selection.getByRole('button', { name: 'Add tag' }).click();
  const tagDialog = page.getByRole('dialog', { name: 'Add a tag' });
  await tagDialog.getByLabel('Tag').fill('partner');
  await tagDialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByText('2 companies changed')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'partner' })).toHaveCount(2);

  // The tag filter is kept in the URL; a tag nobody has empties the list.
  await page.getByLabel('Tag', { exact: true }).fill('vendor');
  await expect(page).toHaveURL(/\?tag=vendor$/);
  await expect(page.getByText('No companies match these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByRole('link', { name: 'Hooli' })).toBeVisible();

  // A column can be hidden.
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Domain' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('columnheader', { name: 'Domain' })).toBeHidden();

  // A company is renamed from its page.
  await page.getByRole('link', { name: 'Hooli' }).click();
  await page.getByRole('button', { name: 'Edit company' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Hooli' });
  await edit.getByLabel('Name').fill('Hooli XYZ');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Hooli XYZ', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Tags' }).getByText('partner')).toBeVisible();
});
