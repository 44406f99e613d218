import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { verifyWebhook, WebhookVerificationError } from '@clientele/sdk/webhooks';
import { signatureHeaders } from '@/server/domain/webhooks/signature';

const secret = () => `whsec_${randomBytes(24).toString('base64')}`;

const event = {
  id: 'b1a4c0de-0000-4000-8000-000000000001',
  type: 'customer.created',
  timestamp: '2026-12-05T12:00:00.000Z',
  data: {
    id: '7d1f3b5a-0000-4000-8000-000000000001',
    firstName: 'Grace',
    createdAt: '2026-12-05T11:59:59.000Z',
    updatedAt: '2026-12-05T11:59:59.000Z',
  },
};
const body = JSON.stringify(event);
const now = new Date('2026-12-05T12:00:01.000Z');

/** Headers as the standardwebhooks library, which is independent of this SDK, signs them. */
function signedByLibrary(key: string, payload = body, at = now) {
  return {
    'webhook-id': event.id,
    'webhook-timestamp': Math.floor(at.getTime() / 1000).toString(),
    'webhook-signature': new Webhook(key).sign(event.id, at, payload),
  };
}

describe('webhook verification', () => {
  it('accepts what the standardwebhooks library signs, as the library itself does', async () => {
    const key = secret();
    const headers = signedByLibrary(key);
    const verified = await verifyWebhook(body, headers, key, { now });
    expect(verified.type).toBe('customer.created');
    expect(verified.id).toBe(event.id);
    // The library's verdict on the same delivery agrees (it checks against the real clock).
    const fresh = signedByLibrary(key, body, new Date());
    expect(new Webhook(key).verify(body, fresh)).toEqual(event);
    await expect(verifyWebhook(body, fresh, key)).resolves.toMatchObject({ id: event.id });
  });

  it('accepts what the Clientele server sends, with its dates as Dates', async () => {
    const key = secret();
    const headers = new Headers(signatureHeaders(event.id, now, body, [key]));
    const verified = await verifyWebhook(new TextEncoder().encode(body), headers, key, { now });
    expect(verified.timestamp).toEqual(new Date(event.timestamp));
    // `type` narrows the event; an erased customer's events carry only `{id, erased}`.
    if (verified.type !== 'customer.created' || 'erased' in verified.data)
      throw new Error('a customer.created event');
    expect(verified.data.createdAt).toEqual(new Date(event.data.createdAt));
    expect(verified.data.firstName).toBe('Grace');
  });

  it('accepts either signature while a secret is being rotated', async () => {
    const [previous, next] = [secret(), secret()];
    const headers = signatureHeaders(event.id, now, body, [next, previous]);
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    await expect(verifyWebhook(body, headers, previous, { now })).resolves.toBeTruthy();
    await expect(verifyWebhook(body, headers, next, { now })).resolves.toBeTruthy();
  });

  it('refuses what the library refuses: another secret, a changed body, a changed id', async () => {
    const key = secret();
    const headers = signedByLibrary(key);
    const cases: [string, Record<string, string>, string][] = [
      ['another secret', headers, secret()],
      ['a changed body', headers, key],
      ['a changed id', { ...headers, 'webhook-id': 'evt_other' }, key],
    ];
    for (const [what, sent, usedKey] of cases) {
      const payload = what === 'a changed body' ? body.replace('Grace', 'Grady') : body;
      await expect(verifyWebhook(payload, sent, usedKey, { now }), what).rejects.toBeInstanceOf(
        WebhookVerificationError,
      );
      const live = { ...sent, 'webhook-timestamp': Math.floor(Date.now() / 1000).toString() };
      expect(() => new Webhook(usedKey).verify(payload, live), what).toThrow();
    }
  });

  it('refuses a delivery older or newer than five minutes, and one missing its headers', async () => {
    const key = secret();
    const old = signedByLibrary(key, body, new Date(now.getTime() - 301_000));
    await expect(verifyWebhook(body, old, key, { now })).rejects.toThrow(/tolerance/);
    const early = signedByLibrary(key, body, new Date(now.getTime() + 301_000));
    await expect(verifyWebhook(body, early, key, { now })).rejects.toThrow(/tolerance/);
    const within = signedByLibrary(key, body, new Date(now.getTime() - 299_000));
    await expect(verifyWebhook(body, within, key, { now })).resolves.toBeTruthy();
    const { 'webhook-signature': _, ...unsigned } = signedByLibrary(key);
    await expect(verifyWebhook(body, unsigned, key, { now })).rejects.toThrow(/Missing/);
  });
});
