import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { INSTANCE_METRICS_TOKEN } from '@/test/instances';
import { msUntil, sleep } from '@/test/waits';
import {
  type Answer,
  describeFaults,
  expectUnavailable,
  newCustomer,
  POOL_QUEUE_LIMIT,
  REQUEST_TIMEOUT_MS,
} from './fault-lab';

// PostgreSQL frozen (SIGSTOP): connections stay open and nothing answers, not even a timeout.
describeFaults((lab) => {
  it('answers 503 by its deadline while PostgreSQL is frozen, with a bounded queue, and commits nothing it refused', async () => {
    const { pg, app, admin, organizationId, call, observed } = lab;
    const create = (body: object, idempotencyKey: string) =>
      call('POST', '/api/v1/customers', body, app, { 'idempotency-key': idempotencyKey });
    const writes: {
      answer: Answer;
      body: ReturnType<typeof newCustomer>;
      email: string;
      idempotencyKey: string;
    }[] = [];
    let writing = true;
    const writer = async () => {
      while (writing) {
        const body = newCustomer();
        const idempotencyKey = randomUUID();
        const answer = await create(body, idempotencyKey);
        writes.push({ answer, body, email: body.email, idempotencyKey });
        // A client backs off a little after a 503.
        if (answer.status === 503) await sleep(200);
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    await sleep(700);

    pg.freeze();
    const frozenAt = performance.now();
    let thawedAt = frozenAt;
    let burst: Answer[] = [];
    let readyWhileFrozen = 0;
    let waitingWhileFrozen = Number.NaN;
    try {
      await sleep(500);
      // Many more requests than the pool has connections and places in its queue.
      burst = await Promise.all(
        Array.from({ length: 40 }, () => call('GET', '/api/v1/customers?limit=5')),
      );
      readyWhileFrozen = (await fetch(`${app.url}/api/ready`)).status;
      const scrape = await (
        await fetch(`${app.url}/api/metrics`, {
          headers: { authorization: `Bearer ${INSTANCE_METRICS_TOKEN}` },
        })
      ).text();
      waitingWhileFrozen = Number(
        /^clientele_db_pool_waiting\{pool="primary"\} (\d+)/m.exec(scrape)?.[1],
      );
      // Frozen for several deadlines.
      while (performance.now() - frozenAt < 12_000) await sleep(200);
    } finally {
      pg.thaw();
      thawedAt = performance.now();
    }

    const readyAfterMs = await msUntil(
      async () => (await fetch(`${app.url}/api/ready`)).status === 200,
      thawedAt,
    );
    const firstWriteAfterMs = await msUntil(
      async () => (await create(newCustomer(), randomUUID())).status === 200,
      thawedAt,
    );
    writing = false;
    await Promise.all(writers);

    // Every request was answered by its deadline (plus generous slack), 200 or 503 with its id.
    const answers = [...writes.map(({ answer }) => answer), ...burst];
    for (const answer of answers) {
      expect([200, 503]).toContain(answer.status);
      if (answer.status === 503) expectUnavailable(answer);
      expect(answer.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 4_000);
    }
    expect(burst.every((answer) => answer.status === 503)).toBe(true);
    // The queue is bounded: beyond the pool and its queue, requests were refused at once.
    const refusedAtOnce = burst.filter((answer) =>
      /waiting for the database/.test(String(answer.body.message)),
    );
    expect(refusedAtOnce.length).toBeGreaterThanOrEqual(40 - 10 - POOL_QUEUE_LIMIT);
    expect(waitingWhileFrozen).toBeLessThanOrEqual(POOL_QUEUE_LIMIT);
    expect(readyWhileFrozen).toBe(503);
    expect(readyAfterMs).toBeLessThan(20_000);
    expect(firstWriteAfterMs).toBeLessThan(20_000);

    // Nothing half-written, and no 503 for a change that was then saved, except when the answer
    // said it may have been (its COMMIT was sent before the server froze).
    const emailsStored = async () =>
      (
        await admin<{ email: string }[]>`
          select email from customers where organization_id = ${organizationId}`
      ).map((row) => row.email);
    const stored = new Set(await emailsStored());
    const refused = writes.filter(({ answer }) => answer.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    const savedAnyway = refused.filter(({ email }) => stored.has(email));
    for (const { answer } of savedAnyway) {
      expect(answer.body.message).toMatch(/may have been saved/);
    }
    expect(
      writes.filter(({ answer }) => answer.status === 200).every(({ email }) => stored.has(email)),
    ).toBe(true);

    // Retried with its Idempotency-Key, every refused write is saved exactly once.
    const retry = async ({ body, email, idempotencyKey }: (typeof refused)[number]) => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const answer = await create(body, idempotencyKey);
        // 409: the first attempt's transaction is still finishing.
        if (answer.status !== 409 && answer.status !== 503) return answer;
        await sleep(200);
      }
      throw new Error(`${email} could not be retried`);
    };
    const retried: Answer[] = [];
    for (let i = 0; i < refused.length; i += 8) {
      retried.push(...(await Promise.all(refused.slice(i, i + 8).map(retry))));
    }
    expect(retried.map((answer) => answer.status).every((status) => status === 200)).toBe(true);
    const emails = await emailsStored();
    for (const { email } of refused) {
      expect(emails.filter((stored) => stored === email)).toHaveLength(1);
    }
    const counts = await lab.customerAuditCounts();
    expect(counts.audited).toBe(counts.customers);
    expect(counts.orphans).toBe(0);

    observed.postgresFrozen = {
      frozenForMs: Math.round(thawedAt - frozenAt),
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      poolSizeAndQueue: [10, POOL_QUEUE_LIMIT],
      answered: answers.length,
      unavailable: answers.filter((answer) => answer.status === 503).length,
      slowest503Ms: Math.round(
        Math.max(...answers.filter((a) => a.status === 503).map((a) => a.ms)),
      ),
      burstOf40RefusedAtOnce: refusedAtOnce.length,
      waitingWhileFrozen,
      writesRefused: refused.length,
      refusedButSavedUnconfirmed: savedAnyway.length,
      readyAfterThawMs: Math.round(readyAfterMs),
      firstWriteAfterThawMs: Math.round(firstWriteAfterMs),
      customers: counts.customers,
      auditRows: counts.audited,
    };
  }, 120_000);
});
