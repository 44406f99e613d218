import { expect, it } from 'vitest';
import { startInstance } from '@/test/instances';
import { setupWebhookReceiver } from '@/test/webhook-receiver';
import { sleep } from '@/test/waits';
import { describeFaults, SHUTDOWN_TIMEOUT_MS } from './fault-lab';

/** The "shut down" line an instance logs last. */
const shutDownLog = (output: string) =>
  JSON.parse(output.split('\n').find((line) => line.includes('"msg":"shut down"'))!) as object;

// SIGTERM with work in flight: within the shutdown bound, and past it.
describeFaults((lab) => {
  const receiver = setupWebhookReceiver({ answerAfterMs: 2_000 });

  it('finishes a request and a job in flight on SIGTERM, refuses new connections, and exits 0', async () => {
    const { app, admin, organizationId, call, createCustomer, lockRow, observed } = lab;
    await call('POST', '/api/v1/webhooks', {
      url: receiver.url(),
      eventTypes: ['customer.created'],
    });
    const customer = await createCustomer();
    while (receiver.received.length === 0) await sleep(20);
    const locked = lockRow(customer.id as string);
    await locked.held;
    const inFlight = call('PATCH', `/api/v1/customers/${customer.id}`, { company: 'In flight' });
    await sleep(200);

    const signalled = performance.now();
    const exit = app.stop('SIGTERM');
    await sleep(300);
    await expect(fetch(`${app.url}/api/health`)).rejects.toThrow();
    setTimeout(() => void locked.release(), 500);

    const finished = await inFlight;
    expect(finished.status).toBe(200);
    expect(finished.body.company).toBe('In flight');
    expect(await exit).toBe(0);
    const shutdownMs = performance.now() - signalled;
    expect(shutdownMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS);

    // The webhook answered after the signal, and its delivery was recorded as delivered.
    const [delivery] = await admin<{ status: string }[]>`
      select d.status from webhook_deliveries d
      join webhook_endpoints e on e.id = d.endpoint_id
      where e.organization_id = ${organizationId}`;
    expect(delivery?.status).toBe('succeeded');
    expect(shutDownLog(app.output())).toMatchObject({
      requestsFinished: true,
      jobsFinished: true,
      abandonedRequests: 0,
    });
    observed.sigterm = { shutdownMs: Math.round(shutdownMs), exitCode: 0 };
  }, 30_000);

  it('cuts a request that outlasts the shutdown bound, and still exits 0 within it', async () => {
    const { admin, key, createCustomer, lockRow, observed } = lab;
    const bounded = await startInstance({ ...lab.services(), SHUTDOWN_TIMEOUT_MS: '1000' });
    const customer = await createCustomer(bounded);
    const locked = lockRow(customer.id as string);
    await locked.held;
    const stuck = fetch(`${bounded.url}/api/v1/customers/${customer.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ company: 'Never' }),
    }).then(
      (res) => res.status,
      () => 'cut' as const,
    );
    await sleep(200);
    const signalled = performance.now();
    expect(await bounded.stop('SIGTERM')).toBe(0);
    const shutdownMs = performance.now() - signalled;
    expect(await stuck).toBe('cut');
    await locked.release();
    expect(shutdownMs).toBeLessThan(2_000);
    expect(shutDownLog(bounded.output())).toMatchObject({
      requestsFinished: false,
      abandonedRequests: 1,
    });
    // The cut request changed nothing.
    const [row] = await admin<{ company: string | null }[]>`
      select company from customers where id = ${customer.id as string}`;
    expect(row?.company).not.toBe('Never');
    observed.sigtermPastBound = { boundMs: 1_000, shutdownMs: Math.round(shutdownMs) };
  });
});
