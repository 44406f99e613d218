import { expect, it } from 'vitest';
import { msUntil, sleep } from '@/test/waits';
import { type Answer, describeFaults, newCustomer } from './fault-lab';

// The store of rate limits and dashboard figures killed, then frozen: credentials fail closed,
// the API stays open, the figures are computed.
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

  it('skips a frozen Redis: REST and the dashboard answer at once, sign-in fails closed', async () => {
    const { redis, call, query, signIn, observed } = lab;
    redis.freeze();
    const frozenAt = performance.now();
    let thawedAt = frozenAt;
    try {
      const answers: Answer[] = [];
      const figures: { status: number; ms: number }[] = [];
      for (let i = 0; i < 6; i++) answers.push(await call('GET', '/api/v1/customers?limit=1'));
      for (let i = 0; i < 2; i++) figures.push(await query('dashboard.customersByStatus'));
      // Long enough frozen for probes of the store to fail in the background.
      await sleep(5_000);
      for (let i = 0; i < 6; i++) answers.push(await call('GET', '/api/v1/customers?limit=1'));
      for (let i = 0; i < 2; i++) figures.push(await query('dashboard.customersByStatus'));
      expect(figures.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
      // Its rate limit and its figure's read each give up on the store at once, or after 750 ms.
      expect(figures.reduce((sum, answer) => sum + answer.ms, 0)).toBeLessThan(
        figures.length * 750,
      );
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
        dashboardMs: figures.map((answer) => Math.round(answer.ms)),
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
