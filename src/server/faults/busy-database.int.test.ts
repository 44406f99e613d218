import { expect, it } from 'vitest';
import { startInstance } from '@/test/instances';
import { sleep } from '@/test/waits';
import { describeFaults, expectUnavailable, STATEMENT_TIMEOUT_MS } from './fault-lab';

// Rows locked by a transaction of the superuser's: statements wait on them.
describeFaults((lab) => {
  it('turns a statement stuck past the timeout into a 503, and serves on', async () => {
    const { createCustomer, lockRow, call, observed } = lab;
    const customer = await createCustomer();
    const locked = lockRow(customer.id as string);
    await locked.held;
    const stuck = await call('PATCH', `/api/v1/customers/${customer.id}`, { company: 'Stuck' });
    await locked.release();
    expectUnavailable(stuck);
    expect(stuck.ms).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 100);
    expect(stuck.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + 2_000);
    const after = await call('PATCH', `/api/v1/customers/${customer.id}`, { company: 'Free' });
    expect(after.status).toBe(200);
    observed.statementTimeout = { answeredInMs: Math.round(stuck.ms), status: stuck.status };
  });

  it('stays ready while every connection of its pool is busy', async () => {
    const { createCustomer, lockRow, call, observed } = lab;
    const busy = await startInstance({ ...lab.services(), DATABASE_POOL_SIZE: '2' });
    const customer = await createCustomer(busy);
    const locked = lockRow(customer.id as string);
    await locked.held;
    // Both connections wait on the lock, and more requests wait for them.
    const waiting = Array.from({ length: 4 }, (_, index) =>
      call('PATCH', `/api/v1/customers/${customer.id}`, { company: `Busy ${index}` }, busy),
    );
    await sleep(500);
    const started = performance.now();
    const ready = await fetch(`${busy.url}/api/ready`);
    const readyMs = performance.now() - started;
    await locked.release();
    expect(ready.status).toBe(200);
    expect((await Promise.all(waiting)).map((answer) => answer.status)).toEqual([
      200, 200, 200, 200,
    ]);
    await busy.stop();
    observed.readyWithBusyPool = { status: ready.status, answeredInMs: Math.round(readyMs) };
  });
});
