import { expect, it } from 'vitest';
import { msUntil, sleep } from '@/test/waits';
import { type Answer, describeFaults, newCustomer } from './fault-lab';

// The rate limiter's store killed, then frozen: credentials fail closed, the API stays open.
describeFaults((lab) => {
  it('fails closed on sign-in and open on the API while Redis is down, and recovers', async () => {
    const { redis, call, signIn, observed } = lab;
    await redis.kill();
    const refused = await signIn();
    expect(refused.status).toBe(503);
    expect(refused.ms).toBeLessThan(2_000);
    expect((await call('GET', '/api/v1/customers?limit=5')).status).toBe(200);
    expect((await call('POST', '/api/v1/customers', newCustomer())).status).toBe(200);

    const restarted = performance.now();
    await redis.start();
    const recoveredInMs = await msUntil(
      async () => (await signIn()).status === 401,
      restarted,
      10_000,
    );
    expect(recoveredInMs).toBeLessThan(10_000);
    observed.redisDown = {
      signInAnsweredInMs: Math.round(refused.ms),
      signInStatus: refused.status,
      restReadsAndWrites: 200,
      recoveredInMsAfterRestart: Math.round(recoveredInMs),
    };
  });

  it('skips a frozen Redis: REST answers at once with its limit headers, sign-in fails closed', async () => {
    const { redis, call, signIn, observed } = lab;
    redis.freeze();
    const frozenAt = performance.now();
    let thawedAt = frozenAt;
    try {
      const answers: Answer[] = [];
      for (let i = 0; i < 6; i++) answers.push(await call('GET', '/api/v1/customers?limit=1'));
      // Long enough frozen for probes of the store to fail in the background.
      await sleep(5_000);
      for (let i = 0; i < 6; i++) answers.push(await call('GET', '/api/v1/customers?limit=1'));
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(answer.headers.get('ratelimit-limit')).toMatch(/^\d+$/);
        expect(answer.headers.get('ratelimit-remaining')).toMatch(/^\d+$/);
      }
      // Each call asking Redis would wait out the limiter's timeout (750 ms) at least once.
      const totalMs = answers.reduce((sum, answer) => sum + answer.ms, 0);
      expect(totalMs).toBeLessThan(answers.length * 750);
      const refused = await signIn();
      expect(refused.status).toBe(503);
      expect(refused.ms).toBeLessThan(2_000);
      observed.redisFrozen = {
        restCalls: answers.length,
        restMs: answers.map((answer) => Math.round(answer.ms)),
        signInStatus: refused.status,
        signInAnsweredInMs: Math.round(refused.ms),
      };
    } finally {
      redis.thaw();
      thawedAt = performance.now();
    }
    const recoveredInMs = await msUntil(async () => (await signIn()).status === 401, thawedAt);
    expect(recoveredInMs).toBeLessThan(20_000);
    Object.assign(observed.redisFrozen as object, {
      frozenForMs: Math.round(thawedAt - frozenAt),
      limitsCountedAgainMsAfterThaw: Math.round(recoveredInMs),
    });
  }, 60_000);
});
