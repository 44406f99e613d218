import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { idempotencyLockName } from '@/server/api/idempotency';
import { readAll, setupIntegrators, type Call } from '@/test/integrator';

// An integrator retrying POSTs with an Idempotency-Key.
const { services, integrator } = setupIntegrators();

describe('idempotent retries', () => {
  it('replays the first response for the same key and body, and creates once', async () => {
    const { call } = await integrator();
    const key = randomUUID();
    const body = { firstName: 'Once', email: 'once@example.com' };
    const first = await call('POST', '/customers', { body, headers: { 'idempotency-key': key } });
    const retry = await call('POST', '/customers', {
      body: { email: 'once@example.com', firstName: 'Once' },
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect((await readAll(call, '/customers')).items).toHaveLength(1);
  });

  it('refuses the same key for a different request (422), and for another path', async () => {
    const { call } = await integrator();
    const key = randomUUID();
    await call('POST', '/customers', {
      body: { firstName: 'First' },
      headers: { 'idempotency-key': key },
    });
    const other = await call('POST', '/customers', {
      body: { firstName: 'Second' },
      headers: { 'idempotency-key': key },
    });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('UNPROCESSABLE_CONTENT');
    expect((await readAll(call, '/customers')).items.map((c) => c.firstName)).toEqual(['First']);
  });

  it('stores nothing for a request that failed, so a corrected retry with the key runs', async () => {
    const { call } = await integrator();
    const key = randomUUID();
    const invalid = await call('POST', '/customers', {
      body: { firstName: '' },
      headers: { 'idempotency-key': key },
    });
    expect(invalid.status).toBe(400);
    const fixed = await call('POST', '/customers', {
      body: { firstName: 'Fixed' },
      headers: { 'idempotency-key': key },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
  });

  it("keeps a key's Idempotency-Keys to itself: another key of the organization never shares them", async () => {
    const { call, keyFor } = await integrator();
    const otherKey = await keyFor('admin');
    const idempotencyKey = randomUUID();
    const send = (caller: typeof call, firstName: string) =>
      caller('POST', '/customers', {
        body: { firstName },
        headers: { 'idempotency-key': idempotencyKey },
      });

    const mine = await send(call, 'Mine');
    const theirs = await send(otherKey, 'Theirs');
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.firstName).toBe('Theirs');

    const sameBody = await send(otherKey, 'Mine');
    expect(sameBody.status).toBe(422);
    const retries = [await send(call, 'Mine'), await send(otherKey, 'Theirs')];
    expect(retries.map((retry) => retry.headers.get('idempotent-replayed'))).toEqual([
      'true',
      'true',
    ]);
    expect(retries.map((retry) => retry.body.id)).toEqual([mine.body.id, theirs.body.id]);
    expect((await readAll(call, '/customers')).items).toHaveLength(2);
  });

  it('refuses a malformed key', async () => {
    const { call } = await integrator();
    const res = await call('POST', '/customers', {
      body: { firstName: 'X' },
      headers: { 'idempotency-key': 'x'.repeat(300) },
    });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toEqual(['Idempotency-Key']);
  });

  // PGlite has one connection: a transaction held open by the test would block the server too.
  it.skipIf(process.env.TEST_DRIVER !== 'postgres')(
    'refuses a retry while the first request is still running (409)',
    async () => {
      const { org, keyId, call } = await integrator();
      const key = randomUUID();
      let answer: Call | undefined;
      await services().db.transaction(async (tx) => {
        // What a request in flight holds for its key until it commits.
        const lock = idempotencyLockName(org.id, `api_key:${keyId}`, key);
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${lock}, 0))`);
        answer = await call('POST', '/customers', {
          body: { firstName: 'Racer' },
          headers: { 'idempotency-key': key },
        });
      });
      expect(answer!.status).toBe(409);
      expect((await readAll(call, '/customers')).items).toHaveLength(0);
    },
  );
});
