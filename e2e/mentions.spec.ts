import type { APIRequestContext } from '@playwright/test';
import {
  addTeammate,
  ARTIFACTS,
  createCustomer,
  expect,
  linkFromMailbox,
  signUp,
  test,
} from './support';

/** The bell's figure for whoever's cookies `request` carries, through the tRPC endpoint. */
async function unreadCount(request: APIRequestContext): Promise<number> {
  const response = await request.get('/api/trpc/notifications.unreadCount');
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as {
    result: { data: { json?: { unread: number }; unread?: number } };
  };
  return body.result.data.json?.unread ?? body.result.data.unread ?? -1;
}

test('a note mentions a teammate picked from the suggestions, who is told', async ({
  page,
  browser,
}) => {
  const { email, suffix } = await signUp(page, 'mentions');
  // Only a verified address may invite.
  await page.goto(await linkFromMailbox(page, email, '/verify-email?token='));
  const teammate = await addTeammate(page, browser, 'Tamsin Teammate', suffix);
  await createCustomer(page, { firstName: 'Mary', lastName: 'Jackson' });
  await page.getByRole('link', { name: 'Mary Jackson' }).click();
  await expect(page.getByRole('heading', { name: 'Mary Jackson', level: 1 })).toBeVisible();

  // "@" and the start of a name suggests the teammate; the keyboard picks her.
  const composer = page.getByRole('form', { name: 'New timeline entry' });
  await composer.getByLabel('Subject').fill('Wind tunnel results');
  const details = composer.getByRole('combobox', { name: 'Details' });
  await details.click();
  await details.pressSequentially('Please review, @Tam');
  await expect(details).toHaveAttribute('aria-expanded', 'true');
  const suggestion = page.getByRole('option', { name: /Tamsin Teammate/ });
  await expect(suggestion).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(suggestion).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: `${ARTIFACTS}/mentions-01-suggestions.png` });
  await page.keyboard.press('Enter');
  await expect(details).toHaveValue('Please review, @Tamsin Teammate ');
  await expect(details).toHaveAttribute('aria-expanded', 'false');
  await composer.getByRole('button', { name: 'Add to timeline' }).click();

  const entry = page.getByRole('listitem').filter({ hasText: 'Wind tunnel results' });
  const mention = entry.getByRole('link', { name: '@Tamsin Teammate' });
  await expect(mention).toBeVisible();
  await expect(mention).toHaveAttribute('href', '/team');
  await page.screenshot({ path: `${ARTIFACTS}/mentions-02-entry.png` });

  // Editing shows the name and saving keeps the reference.
  await entry.getByRole('button', { name: 'Edit Wind tunnel results' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit note' });
  await expect(dialog.getByLabel('Details')).toHaveValue(/^Please review, @Tamsin Teammate\s?$/);
  await dialog.getByLabel('Subject').fill('Wind tunnel results, revised');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  const revised = page.getByRole('listitem').filter({ hasText: 'Wind tunnel results, revised' });
  await expect(revised.getByRole('link', { name: '@Tamsin Teammate' })).toBeVisible();

  // A reference to someone outside the organization is refused on the field.
  await details.fill('<@00000000-0000-4000-8000-000000000000> should know');
  await composer.getByLabel('Subject').fill('Outsider');
  await composer.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(
    composer.getByText(
      'mentions someone who is not a member of this organization, who would not be told',
    ),
  ).toBeVisible();
  await expect(details).toHaveAttribute('aria-invalid', 'true');

  // The teammate has one unread notification: the edit did not tell her again.
  await expect.poll(() => unreadCount(teammate.page.request)).toBe(1);
  await teammate.context.close();
});
