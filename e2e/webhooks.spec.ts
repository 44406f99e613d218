import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { ARTIFACTS, createCustomer, expect, signUp, test } from './support';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver on this machine that answers 500 to the first `failures` requests, then 200. */
async function startReceiver(failures: number) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const failing = received.length <= failures;
      res.writeHead(failing ? 500 : 200, { 'content-type': 'text/plain' });
      res.end(failing ? 'receiver is having a bad day' : 'thanks');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/clientele`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test('an admin adds a webhook endpoint, watches a failing delivery retry and redelivers it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver(2);
  try {
    const { suffix } = await signUp(page, 'hooks');

    await page.getByRole('link', { name: 'Webhooks' }).click();
    await expect(page.getByText('No endpoints yet.')).toBeVisible();

    // Add an endpoint for new customers; the secret is shown once.
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add endpoint' });
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(dialog.getByText('must be an http or https URL')).toBeVisible();
    await expect(dialog.getByText('choose at least one event')).toBeVisible();
    await dialog.getByLabel('URL').fill(receiver.url);
    await dialog.getByLabel('Description (optional)').fill('Billing sync');
    await dialog.getByRole('checkbox', { name: 'customer.created' }).check();
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();

    const secretDialog = page.getByRole('dialog', { name: 'Copy the signing secret' });
    const secret = await secretDialog.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32,}$/);
    await page.screenshot({ path: `${ARTIFACTS}/webhooks-01-secret.png` });
    await secretDialog.getByRole('button', { name: 'Done' }).click();
    await expect(page).toHaveURL(/\/webhooks\/[0-9a-f-]{36}$/);
    const endpointUrl = page.url();
    await expect(page.getByRole('heading', { name: receiver.url })).toBeVisible();
    await expect(page.getByText('Nothing sent yet.')).toBeVisible();

    // A new customer is delivered; the receiver fails twice, so a third attempt is scheduled.
    const email = `ada-${suffix}@example.com`;
    await createCustomer(page, { firstName: 'Ada', lastName: 'Lovelace', email });
    await page.goto(endpointUrl);
    const row = page.getByRole('row').filter({ hasText: 'customer.created' });
    await expect(row).toContainText('Retrying', { timeout: 30_000 });
    await expect(row.getByRole('cell', { name: '2', exact: true })).toBeVisible({
      timeout: 30_000,
    });
    await expect(row).toContainText('500');
    await row.getByRole('button', { name: 'Details of customer.created delivery' }).click();
    await expect(page.getByText('receiver is having a bad day')).toBeVisible();
    await page.screenshot({ path: `${ARTIFACTS}/webhooks-02-retrying.png`, fullPage: true });

    // Redelivering now succeeds without waiting for the scheduled retry.
    await row.getByRole('button', { name: 'Redeliver customer.created event' }).click();
    await expect(page.getByText('The customer.created event is being sent again')).toBeVisible();
    await expect(row).toContainText('Succeeded', { timeout: 30_000 });
    await expect(row).toContainText('200');
    await page.screenshot({ path: `${ARTIFACTS}/webhooks-03-redelivered.png`, fullPage: true });

    // Every attempt carried the same event, signed with the secret the page showed.
    expect(receiver.received).toHaveLength(3);
    const verifier = new Webhook(secret);
    const ids = new Set<string>();
    for (const { headers, body } of receiver.received) {
      const event = verifier.verify(body, {
        'webhook-id': String(headers['webhook-id']),
        'webhook-timestamp': String(headers['webhook-timestamp']),
        'webhook-signature': String(headers['webhook-signature']),
      }) as { type: string; data: { email: string } };
      expect(event.type).toBe('customer.created');
      expect(event.data.email).toBe(email);
      ids.add(String(headers['webhook-id']));
    }
    expect(ids.size).toBe(1);

    // Editing changes what the endpoint receives.
    await page.getByRole('button', { name: 'Edit' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Edit endpoint' });
    await expect(editDialog.getByLabel('URL')).toHaveValue(receiver.url);
    await editDialog.getByLabel('Description (optional)').fill('Billing and fulfilment');
    await editDialog.getByRole('checkbox', { name: 'order.created' }).check();
    await editDialog.getByRole('button', { name: 'Save endpoint' }).click();
    await expect(page.getByText('The endpoint was saved')).toBeVisible();
    await expect(editDialog).toBeHidden();
    await expect(page.getByText('Billing and fulfilment')).toBeVisible();
    await expect(page.getByText('order.created', { exact: true })).toBeVisible();

    // Paused endpoints receive nothing.
    await page.getByRole('switch', { name: 'Enabled' }).click();
    await expect(page.getByText('Deliveries paused')).toBeVisible();
    await expect(page.getByText('Disabled', { exact: true })).toBeVisible();
    await createCustomer(page, { firstName: 'Grace', lastName: 'Hopper' });
    await page.goto(endpointUrl);
    await expect(page.getByRole('row').filter({ hasText: 'customer.created' })).toHaveCount(1);

    // Rotating gives a new secret; deleting removes the endpoint.
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Rotate secret' }).click();
    const rotated = page.getByRole('dialog', { name: 'Copy the new signing secret' });
    const newSecret = await rotated.getByLabel('Signing secret').inputValue();
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    await rotated.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByText(/Signed with the new and the previous secret until/)).toBeVisible();

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete endpoint' }).click();
    await expect(page).toHaveURL(/\/webhooks$/);
    await expect(page.getByText('No endpoints yet.')).toBeVisible();
    expect(receiver.received).toHaveLength(3);
  } finally {
    await receiver.close();
  }
});

test('an admin sends a test event and reads every attempt at a delivery', async ({ page }) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver(1);
  try {
    await signUp(page, 'hooktest');
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add endpoint' });
    await dialog.getByLabel('URL').fill(receiver.url);
    await dialog.getByRole('checkbox', { name: 'deal.won' }).check();
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    const secretDialog = page.getByRole('dialog', { name: 'Copy the signing secret' });
    const secret = await secretDialog.getByLabel('Signing secret').inputValue();
    await secretDialog.getByRole('button', { name: 'Done' }).click();
    await expect(page).toHaveURL(/\/webhooks\/[0-9a-f-]{36}$/);

    // The receiver fails the first test, then takes the second; each outcome is shown at once.
    const sendTest = page.getByRole('button', { name: 'Send test event' });
    const outcome = page.getByRole('status').filter({ hasText: 'test event' });
    await sendTest.click();
    await expect(outcome).toContainText('The test event failed after');
    await expect(outcome).toContainText('Answered 500');
    await sendTest.click();
    await expect(outcome).toContainText(/The test event was received: answered 200 in \d+ ms/);
    await page.screenshot({ path: `${ARTIFACTS}/webhooks-04-test-event.png`, fullPage: true });

    const verifier = new Webhook(secret);
    const events = receiver.received.map(
      ({ headers, body }) =>
        verifier.verify(body, {
          'webhook-id': String(headers['webhook-id']),
          'webhook-timestamp': String(headers['webhook-timestamp']),
          'webhook-signature': String(headers['webhook-signature']),
        }) as { type: string },
    );
    expect(events.map((event) => event.type)).toEqual(['webhook.test', 'webhook.test']);

    // Both tests are in the log; the failed one, redelivered, now has two attempts.
    const rows = page.getByRole('row').filter({ hasText: 'webhook.test' });
    await expect(rows).toHaveCount(2);
    // Newest first: the failed test is the second row.
    const failed = rows.nth(1);
    await expect(failed).toContainText('Failed');
    await failed.getByRole('button', { name: 'Redeliver webhook.test event' }).click();
    await expect(failed).toContainText('Succeeded', { timeout: 30_000 });
    await failed.getByRole('button', { name: 'Details of webhook.test delivery' }).click();
    const attempts = page.getByRole('region', { name: 'Attempts' });
    await expect(attempts.getByRole('row')).toHaveCount(3, { timeout: 30_000 });
    const first = attempts.getByRole('row').filter({ hasText: 'Answered 500' });
    await expect(first.getByRole('cell').first()).toHaveText('1');
    await expect(first).toContainText('500');
    const second = attempts.getByRole('row').filter({ hasText: 'Received' });
    await expect(second.getByRole('cell').first()).toHaveText('2');
    await expect(second).toContainText('200');
    await page.screenshot({ path: `${ARTIFACTS}/webhooks-05-attempts.png`, fullPage: true });
    expect(receiver.received).toHaveLength(3);
  } finally {
    await receiver.close();
  }
});
