import { expect, it } from 'vitest';
import { sessionCookieOf } from '@/test/browser-client';
import { timedCall } from '@/test/timed-call';
import { msUntil, readUntil, sleep } from '@/test/waits';
import { type Answer, describeFaults, expectUnavailable, newCustomer } from './fault-lab';

// PostgreSQL killed under writes, and the live-update listener's connection cut.
describeFaults((lab) => {
  it('answers 503 while PostgreSQL is killed mid-writes, leaves no partial write, and recovers', async () => {
    const { pg, app, admin, owner, organizationId, call, createCustomer, observed } = lab;
    const answers: { answer: Answer; email: string }[] = [];
    let writing = true;
    const writer = async () => {
      while (writing) {
        const body = newCustomer();
        answers.push({ answer: await call('POST', '/api/v1/customers', body), email: body.email });
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    await sleep(700);
    await pg.stop('immediate');
    const killedAt = performance.now();

    // While it is down: writes, reads, a session and a key are all 503 (never anonymous, never 401).
    await sleep(1_000);
    const during = await Promise.all([
      call('GET', '/api/v1/customers?limit=5'),
      call('GET', '/api/v1/me'),
    ]);
    during.forEach(expectUnavailable);
    const me = await fetch(`${app.url}/api/trpc/auth.me`, {
      headers: { cookie: sessionCookieOf(owner) },
    });
    expect(me.status).toBe(503);
    expect((await fetch(`${app.url}/api/ready`)).status).toBe(503);

    await pg.start();
    const restartedAt = performance.now();
    const readyAfterMs = await msUntil(
      async () => (await fetch(`${app.url}/api/ready`)).status === 200,
      restartedAt,
    );
    // Writes go on by themselves; stop once one has succeeded after the restart.
    const firstWriteAfter = await msUntil(
      async () => (await call('POST', '/api/v1/customers', newCustomer())).status === 200,
      restartedAt,
      20_000,
      0,
    );
    writing = false;
    await Promise.all(writers);

    const statuses = answers.map(({ answer }) => answer.status);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    expect(statuses).toContain(503);
    for (const { answer } of answers.filter(({ answer }) => answer.status === 503)) {
      expectUnavailable(answer);
    }
    expect(readyAfterMs).toBeLessThan(20_000);
    expect(firstWriteAfter).toBeLessThan(20_000);

    // Every customer has exactly its one audit row and every audit row its customer: nothing
    // half-written. Answers of 200 are all there; a 503 may have committed just before the kill.
    const counts = await lab.customerAuditCounts();
    expect(counts.audited).toBe(counts.customers);
    expect(counts.orphans).toBe(0);
    const created = answers.filter(({ answer }) => answer.status === 200);
    const stored = await admin<{ email: string }[]>`
      select email from customers where organization_id = ${organizationId}`;
    const storedEmails = new Set(stored.map((row) => row.email));
    expect(created.every(({ email }) => storedEmails.has(email))).toBe(true);

    // Live updates resume: the listener listens again by itself, and a change it did not hear
    // reaches the stream from the database.
    const reader = await lab.openChanges();
    const customer = await createCustomer();
    const createdAt = performance.now();
    const text = await readUntil(reader, customer.id as string);
    const liveUpdateMs = performance.now() - createdAt;
    await reader.cancel();
    expect(text).toContain(customer.id as string);

    const failed = answers.filter(({ answer }) => answer.status === 503);
    observed.postgresKilled = {
      writesAnswered: answers.length,
      ok: created.length,
      unavailable: failed.length,
      slowest503Ms: Math.round(Math.max(...failed.map(({ answer }) => answer.ms))),
      downForMs: Math.round(restartedAt - killedAt),
      readyAfterRestartMs: Math.round(readyAfterMs),
      firstWriteAfterRestartMs: Math.round(firstWriteAfter),
      liveUpdateAfterRecoveryMs: Math.round(liveUpdateMs),
      customers: counts.customers,
      auditRows: counts.audited,
      orphanAuditRows: counts.orphans,
    };
  }, 90_000);

  it('replays to a live stream the change committed while its listener was cut off', async () => {
    const { admin, createCustomer, observed } = lab;
    const reader = await lab.openChanges();
    await reader.read(); // connected

    // The listener's connection is cut, and kept from logging in again for a second: the change
    // committed meanwhile is announced to no one.
    await admin`alter role clientele_owner nologin`;
    await admin`
      select pg_terminate_backend(pid) from pg_stat_activity
      where usename = 'clientele_owner' and query ilike 'listen%'`;
    const missed = await createCustomer();
    await sleep(1_000);
    await admin`alter role clientele_owner login`;
    const restored = performance.now();

    const text = await readUntil(reader, missed.id as string);
    const replayedAfterMs = performance.now() - restored;
    await reader.cancel();
    expect(text).toContain(missed.id as string);
    observed.listenerLost = {
      missedChangeReplayedMsAfterLoginRestored: Math.round(replayedAfterMs),
    };
  }, 30_000);

  it('forgets cached keys when its listener was cut off, so one revoked meanwhile is refused', async () => {
    const { admin, app, owner, observed } = lab;
    const { id, key } = await owner.apiKeys.create.mutate({
      name: 'Revoked unheard',
      role: 'member',
    });
    const me = () => timedCall(app.url, key, 'GET', '/api/v1/me');
    expect((await me()).status).toBe(200); // now cached

    await admin`alter role clientele_owner nologin`;
    await admin`
      select pg_terminate_backend(pid) from pg_stat_activity
      where usename = 'clientele_owner' and query ilike 'listen%'`;
    // Announced to no listener: only the reconnection tells the app it may have missed it.
    await admin`update api_keys set revoked_at = now() where id = ${id}`;
    await sleep(1_000);
    await admin`alter role clientele_owner login`;
    const restored = performance.now();

    const refusedAfterMs = await msUntil(async () => (await me()).status === 401, restored);
    expect(refusedAfterMs).toBeLessThan(Number.POSITIVE_INFINITY);
    observed.listenerLost = {
      ...(observed.listenerLost as object),
      keyRevokedMeanwhileRefusedMsAfterLoginRestored: Math.round(refusedAfterMs),
    };
  }, 30_000);
});
