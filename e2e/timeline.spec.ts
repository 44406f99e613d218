import { createCustomer, expect, signUp, test } from './support';

test("a customer's call, paid order and task show on their timeline, in their audit trail and on the dashboard", async ({
  page,
}) => {
  await signUp(page, 'timeline');
  await createCustomer(page, { firstName: 'Rafael', lastName: 'Cohen' });
  await page.getByRole('link', { name: 'Rafael Cohen' }).click();
  await expect(page.getByRole('heading', { name: 'Rafael Cohen', level: 1 })).toBeVisible();
  const customerPath = new URL(page.url()).pathname;

  // A call, logged on the timeline.
  const composer = page.getByRole('form', { name: 'New timeline entry' });
  await composer.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Call' }).click();
  await composer.getByLabel('Subject').fill('Discovery call');
  await composer.getByRole('button', { name: 'Add to timeline' }).click();
  const timeline = page.getByRole('list', { name: 'Timeline, newest first' });
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Discovery call' })).toBeVisible();

  // An order, created from the customer's page and paid.
  await page.getByRole('tab', { name: 'Orders' }).click();
  await page.getByRole('button', { name: 'New order' }).click();
  const dialog = page.getByRole('dialog', { name: 'New order' });
  await dialog.getByLabel('Currency').fill('USD');
  const line = dialog.getByRole('group', { name: 'Line 1' });
  await line.getByLabel('Description').fill('Onboarding');
  await line.getByLabel('Quantity').fill('1');
  await line.getByLabel('Unit price').fill('500');
  await dialog.getByRole('button', { name: 'Create order' }).click();
  await expect(page.getByRole('heading', { name: 'Order #1001', level: 1 })).toBeVisible();
  const history = page.getByRole('region', { name: 'Status history' });
  await page.getByRole('button', { name: 'Mark as placed' }).click();
  await expect(history).toContainText('Placed by timeline Person');
  await page.getByRole('button', { name: 'Mark as paid' }).click();
  await expect(history).toContainText('Paid by timeline Person');

  // A task about the customer.
  await page.goto(customerPath);
  const openTasks = page.getByRole('region', { name: 'Open tasks' });
  await openTasks.getByRole('button', { name: 'Add task' }).click();
  const newTask = page.getByRole('dialog', { name: 'New task' });
  await newTask.getByLabel('Title').fill('Send the contract');
  await newTask.getByRole('button', { name: 'Create task' }).click();
  await expect(newTask).toBeHidden();

  // The timeline holds all three, each saying who did it.
  await page.goto(customerPath);
  await expect(page.getByRole('tab', { name: 'Timeline' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const call = timeline.getByRole('listitem').filter({ hasText: 'Discovery call' });
  const order = timeline.getByRole('listitem').filter({ hasText: 'Order #1001' });
  const task = timeline.getByRole('listitem').filter({ hasText: 'Send the contract' });
  await expect(call).toContainText('by timeline Person');
  await expect(order).toContainText('Paid');
  await expect(order).toContainText('by timeline Person');
  await expect(task).toContainText('by timeline Person');

  // The filters narrow it, and "Everything" widens it again.
  const filters = page.getByRole('group', { name: 'Show on the timeline' });
  await filters.getByRole('button', { name: 'Calls' }).click();
  await expect(filters.getByRole('button', { name: 'Calls' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(order).toBeHidden();
  await expect(task).toBeHidden();
  await expect(call).toBeVisible();
  await filters.getByRole('button', { name: 'Orders' }).click();
  await expect(order).toBeVisible();
  await expect(call).toBeVisible();
  await expect(task).toBeHidden();
  await filters.getByRole('button', { name: 'Calls' }).click();
  await expect(call).toBeHidden();
  await expect(order).toBeVisible();
  await filters.getByRole('button', { name: 'Everything' }).click();
  await expect(task).toBeVisible();
  await expect(call).toBeVisible();
  await expect(order).toBeVisible();

  // The audit trail names the call, the order and the task.
  await page.getByRole('tab', { name: 'Audit' }).click();
  const audit = page.getByRole('region', { name: 'Audit trail' });
  await expect(audit.getByText('Added to the timeline: Discovery call')).toBeVisible();
  await expect(audit.getByText('Created order #1001')).toBeVisible();
  await expect(audit.getByText('Changed the status of order #1001')).toHaveCount(2);
  await expect(audit.getByText('Added the task Send the contract')).toBeVisible();

  // The dashboard's recent activity names the customer.
  await page.goto('/dashboard');
  const activity = page.getByRole('region', { name: 'Recent activity' });
  await expect(
    activity.getByRole('link', { name: 'timeline Person created order #1001 for Rafael Cohen' }),
  ).toBeVisible();
  await expect(
    activity.getByRole('link', {
      name: 'timeline Person logged the call “Discovery call” with Rafael Cohen',
    }),
  ).toHaveAttribute('href', customerPath);
  await expect(
    activity.getByRole('link', { name: 'timeline Person added Rafael Cohen' }),
  ).toBeVisible();
});
