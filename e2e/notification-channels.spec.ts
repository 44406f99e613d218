import { createPushService } from '../src/test/local-push-service';
import {
  addTeammate,
  ARTIFACTS,
  expect,
  linkFromMailbox,
  openDialog,
  signUp,
  test,
} from './support';

/** A `datetime-local` value `minutes` from now, on this machine's clock (the browser's). */
function inMinutes(minutes: number) {
  const date = new Date(Date.now() + minutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const push = createPushService();
test.beforeAll(() => push.start());
test.afterAll(() => push.stop());

test('a task due soon reminds its assignee by e-mail and by push, on their clock, as they chose', async ({
  page,
  browser,
}) => {
  const { email, suffix } = await signUp(page, 'remind');
  await page.goto(await linkFromMailbox(page, email, '/verify-email?token='));
  const { page: bea, email: beaEmail } = await addTeammate(page, browser, 'Bea Reminded', suffix);

  // Bea keeps assignments out of her mailbox, and lives in Tokyo.
  await bea.goto('/settings/notifications');
  const assignedByEmail = bea.getByRole('combobox', {
    name: 'I am assigned a customer, company, deal or task: e-mail',
  });
  await assignedByEmail.selectOption('Off');
  await bea.getByLabel('Time zone').selectOption('Asia/Tokyo');
  await bea.getByRole('button', { name: 'Save notification settings' }).click();
  await expect(bea.getByText('Your notification settings were saved')).toBeVisible();
  await bea.screenshot({ path: `${ARTIFACTS}/notification-settings.png`, fullPage: true });
  await bea.reload();
  await expect(assignedByEmail).toHaveValue('off');
  await expect(bea.getByLabel('Time zone')).toHaveValue('Asia/Tokyo');

  // Her browser subscribes to push. Chromium's own push service is out of reach here, so the
  // subscription is one the local push service made, sent as the settings page sends it.
  const subscription = push.subscribe();
  const subscribed = await bea.evaluate(async ({ endpoint, p256dh, auth }) => {
    const response = await fetch('/api/trpc/account.push.subscribe', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { endpoint, keys: { p256dh, auth } } }),
    });
    return response.status;
  }, subscription);
  expect(subscribed).toBe(200);

  // The owner gives her a task due in ten minutes: within the reminder's lead, so it goes now.
  const due = inMinutes(10);
  const reminderText = `Your task “Send the Q3 quote” is due at ${onTokyoClock(new Date(due))}`;
  await page.goto('/tasks');
  const dialog = await openDialog(page, 'New task');
  await dialog.getByLabel('Title').fill('Send the Q3 quote');
  await dialog.getByLabel('Due').fill(due);
  await dialog.getByRole('combobox', { name: 'Assignee' }).click();
  await page.getByRole('option', { name: 'Bea Reminded' }).click();
  await dialog.getByRole('button', { name: 'Create task' }).click();
  await expect(dialog).toBeHidden();

  // By e-mail: the reminder, at her local time; the assignment, which she turned off, is not.
  const toBea = page.getByRole('article').filter({ hasText: beaEmail });
  await expect(async () => {
    await page.goto('/dev/mailbox');
    await expect(toBea.filter({ hasText: reminderText })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(toBea.filter({ hasText: 'assigned you' })).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}/notification-reminder-mail.png` });

  // By push: the payload, decrypted with the browser's keys, names the task and links to it.
  const pushed = () =>
    push
      .accepted(subscription.endpoint)
      .map((accepted) => JSON.parse(accepted.payload) as { title: string; url: string });
  await expect
    .poll(() => pushed().map((p) => p.title), { timeout: 60_000 })
    .toContain(reminderText);
  expect(pushed().find((p) => p.title === reminderText)?.url).toMatch(/\/tasks$/);

  // The e-mail's unsubscribe link asks first, then stops e-mails of that kind.
  await bea.goto(await linkFromMailbox(page, beaEmail, '/unsubscribe?token='));
  await expect(bea.getByText('A task of mine is due soon')).toBeVisible();
  await bea.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(bea.getByText('You are unsubscribed')).toBeVisible();
  await bea.goto('/settings/notifications');
  await expect(
    bea.getByRole('combobox', { name: 'A task of mine is due soon: e-mail' }),
  ).toHaveValue('off');
});

/** "14:30 GMT+9": a time as the reminder tells it to someone in Tokyo. */
function onTokyoClock(at: Date) {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Tokyo',
    timeZoneName: 'short',
  }).format(at);
}
