import type { Page } from '@playwright/test';
import { createCustomer, expect, openDialog, signUp, test } from './support';

const palette = (page: Page) => page.getByRole('dialog', { name: 'Search' });

/** Opens the palette from the keyboard, as a person would, on Windows, Linux or a Mac. */
async function openPalette(page: Page) {
  await page.keyboard.press('ControlOrMeta+K');
  await expect(palette(page).getByRole('combobox')).toBeFocused();
}

test('the palette finds any record as it is typed, even before it has loaded, and does things', async ({
  page,
}) => {
  const { suffix } = await signUp(page, 'palette');
  await createCustomer(page, { firstName: 'Rafael', lastName: 'Nadal', company: 'Manacor Tennis' });

  // An order for him, from his page.
  await page.getByRole('link', { name: 'Rafael Nadal' }).click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  const customerPath = new URL(page.url()).pathname;
  await page.getByRole('tab', { name: 'Orders' }).click();
  const newOrder = await openDialog(page, 'New order');
  await newOrder.getByLabel('Currency').fill('EUR');
  const line = newOrder.getByRole('group', { name: 'Line 1' });
  await line.getByLabel('Description').fill('Racquets');
  await line.getByLabel('Quantity').fill('2');
  await line.getByLabel('Unit price').fill('250');
  await newOrder.getByRole('button', { name: 'Create order' }).click();
  const orderHeading = page.getByRole('heading', { name: /^Order #\d+$/, level: 1 });
  await expect(orderHeading).toBeVisible();
  const orderPath = new URL(page.url()).pathname;
  const orderNumber = (await orderHeading.innerText()).replace('Order #', '');

  // A task, from the palette's "New task".
  await openPalette(page);
  await page.keyboard.type('create a task');
  await palette(page).getByRole('option', { name: 'New task' }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  const newTask = page.getByRole('dialog', { name: 'New task' });
  await newTask.getByLabel('Title').fill('Restring the racquets');
  await newTask.getByRole('button', { name: 'Create task' }).click();
  await expect(newTask).toBeHidden();

  // On a fresh page the palette's code is not there yet: what is typed at once is kept.
  await page.goto('/dashboard');
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.type(`#${orderNumber}`);
  const box = palette(page).getByRole('combobox');
  await expect(box).toHaveValue(`#${orderNumber}`);
  const order = palette(page).getByRole('option', { name: new RegExp(`Order #${orderNumber}`) });
  await expect(order).toBeVisible();
  await expect(palette(page).getByRole('option').first()).toContainText(`Order #${orderNumber}`);

  // Tasks are found by their title; the customer by part of his name.
  await box.fill('restring');
  await expect(palette(page).getByRole('option', { name: /Restring the racquets/ })).toBeVisible();
  await box.fill('nadal');
  await expect(palette(page).getByRole('option', { name: /Rafael Nadal/ })).toBeVisible();

  // Enter opens the best match: the order by its number.
  await box.fill(`ORD-${orderNumber}`);
  await expect(palette(page).getByRole('option').first()).toContainText(`Order #${orderNumber}`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${orderPath}$`));
  await expect(orderHeading).toBeVisible();

  // Opened once, the order comes first among the recent records of an empty box.
  await openPalette(page);
  const recent = palette(page).getByRole('group', { name: 'Recent' });
  await expect(
    recent.getByRole('option', { name: new RegExp(`Order #${orderNumber}`) }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();

  // "Log a call" on a customer's page: the timeline's form, set to a call, ready to type in.
  await page.goto(customerPath);
  await openPalette(page);
  await page.keyboard.type('log a call');
  await palette(page).getByRole('option', { name: 'Log a call' }).click();
  const entry = page.getByRole('form', { name: 'New timeline entry' });
  await expect(entry.getByRole('combobox', { name: 'Type' })).toContainText('Call');
  await expect(entry.getByLabel('Subject')).toBeFocused();

  // "Toggle theme" turns the theme over.
  const html = page.locator('html');
  const wasDark = ((await html.getAttribute('class')) ?? '').split(/\s+/).includes('dark');
  await openPalette(page);
  await page.keyboard.type('theme');
  await palette(page)
    .getByRole('option', { name: /Toggle theme/ })
    .click();
  await expect(palette(page)).toBeHidden();
  if (wasDark) await expect(html).not.toHaveClass(/\bdark\b/);
  else await expect(html).toHaveClass(/\bdark\b/);

  // A second organization, from the organization menu; the palette switches back to the first.
  await page.getByRole('button', { name: /Switch organization$/ }).click();
  await page.getByRole('menuitem', { name: 'New organization' }).click();
  const newOrganization = page.getByRole('dialog', { name: 'New organization' });
  await newOrganization.getByLabel('Organization name').fill(`Second ${suffix}`);
  await newOrganization.getByRole('button', { name: 'Create organization' }).click();
  const organizationMenu = (name: string) =>
    page.getByRole('button', { name: `Organization: ${name}. Switch organization` });
  await expect(organizationMenu(`Second ${suffix}`)).toBeVisible();
  await openPalette(page);
  await page.keyboard.type('switch org');
  await palette(page).getByRole('option', { name: 'Switch organization…' }).click();
  const switchTo = palette(page).getByRole('group', { name: 'Switch to' });
  await switchTo.getByRole('option', { name: new RegExp(`palette Org ${suffix}`) }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(organizationMenu(`palette Org ${suffix}`)).toBeVisible();

  // "?" lists every shortcut.
  await page.goto('/customers');
  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toBeVisible();
  await expect(shortcuts).toContainText('Search everything, or do something');
  await expect(shortcuts).toContainText('Search the list on this page');
  await expect(shortcuts).toContainText('Show these shortcuts');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();

  // "/" goes to the list's search box.
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search customers' })).toBeFocused();
});
