import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import webpush from 'web-push';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidEnvironmentError, parseEnv } from '@/env';
import {
  deleteOwnPushSubscription,
  listPushSubscriptions,
  savePushSubscription,
} from '@/server/db/repositories/notification-settings';
import { withIdentity } from '@/server/db/tenant';
import { RefusedPushTargetError, sendPush } from '@/server/push/send';
import { VAPID_KEYS_FILE, vapidSettingsFromEnv } from '@/server/push/vapid';
import { pushDeliveryDeps } from '@/server/services';
import {
  callerAs,
  createTestOrganization,
  userPrincipal,
  type TestOrganization,
} from '@/test/factories';
import { setupPushService, type TestPushSubscription } from '@/test/push-service';
import { setupTestServices, testLogger } from '@/test/services';
import type { PushJob, PushPayload } from './channel-jobs';
import { deliverPush, type PushDeliveryDeps } from './push';

const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:push-tests@example.test' };
const { services } = setupTestServices({ push: vapid });
const pushService = setupPushService();

const deps = (overrides: Partial<PushDeliveryDeps> = {}): PushDeliveryDeps => ({
  db: services().db,
  push: vapid,
  logger: testLogger,
  // The local push service listens on 127.0.0.1; the refusal is tested with this off.
  allowPrivateTargets: true,
  ...overrides,
});

const storedFor = (userId: string) =>
  withIdentity(services().db, (tx) => listPushSubscriptions(tx, userId));

/** An organization whose owner has subscribed a browser of the local push service. */
async function subscribedOwner(subscription: TestPushSubscription = pushService.subscribe()) {
  const org = await createTestOrganization(services().db);
  await withIdentity(services().db, (tx) =>
    savePushSubscription(tx, org.ownerId, { ...subscription, userAgent: 'Firefox' }),
  );
  const [row] = await storedFor(org.ownerId);
  return { org, subscription, subscriptionId: row!.id };
}

function payload(title = 'Ana mentioned you on Acme'): PushPayload {
  return {
    title,
    body: '“Can you call them back today?”',
    url: 'http://localhost:3999/customers/0b7c0a8e-0000-4000-8000-000000000001',
    tag: 'mentioned:customer',
  };
}

const jobFor = (org: TestOrganization, subscriptionId: string, sent = payload()): PushJob => ({
  organizationId: org.id,
  subscriptionId,
  payload: sent,
});

describe('push delivery', () => {
  it('arrives at the browser encrypted for it and signed with the server’s VAPID key', async () => {
    const { org, subscription, subscriptionId } = await subscribedOwner();
    const sent = payload('Ben assigned you “Send the quote”');

    // As the `push` worker does, with the services' settings.
    await deliverPush(pushDeliveryDeps(services()), jobFor(org, subscriptionId, sent));

    expect(pushService.refused(subscription.endpoint)).toEqual([]);
    const [arrived, ...more] = pushService.accepted(subscription.endpoint);
    expect(more).toEqual([]);
    expect(JSON.parse(arrived!.payload)).toEqual(sent);
    expect(arrived).toMatchObject({
      vapidPublicKey: vapid.publicKey,
      subject: vapid.subject,
      ttl: 24 * 60 * 60,
      urgency: 'normal',
    });
    expect(await storedFor(org.ownerId)).toHaveLength(1);
  });

  it('drops a subscription its push service says is gone (410), and sends it nothing more', async () => {
    const { org, subscription, subscriptionId } = await subscribedOwner();
    pushService.answerWith(subscription.endpoint, 410);

    await deliverPush(deps(), jobFor(org, subscriptionId));
    expect(pushService.requestsTo(subscription.endpoint)).toBe(1);
    expect(await storedFor(org.ownerId)).toEqual([]);

    await deliverPush(deps(), jobFor(org, subscriptionId));
    expect(pushService.requestsTo(subscription.endpoint)).toBe(1);
  });

  it('fails on any other answer, so the job is retried, and keeps the subscription', async () => {
    const { org, subscription, subscriptionId } = await subscribedOwner();
    pushService.answerWith(subscription.endpoint, 503);

    await expect(deliverPush(deps(), jobFor(org, subscriptionId))).rejects.toThrow(/answered 503/);
    expect(await storedFor(org.ownerId)).toHaveLength(1);
  });

  it('does nothing for a subscription deleted since the job was queued', async () => {
    const { org, subscription, subscriptionId } = await subscribedOwner();
    await withIdentity(services().db, (tx) =>
      deleteOwnPushSubscription(tx, org.ownerId, subscription.endpoint),
    );

    await deliverPush(deps(), jobFor(org, subscriptionId));
    expect(pushService.requestsTo(subscription.endpoint)).toBe(0);
  });

  it('sends nothing in an organization the browser’s person is not a member of', async () => {
    const { subscription, subscriptionId } = await subscribedOwner();
    const elsewhere = await createTestOrganization(services().db);

    await deliverPush(deps(), jobFor(elsewhere, subscriptionId));
    expect(pushService.requestsTo(subscription.endpoint)).toBe(0);
  });

  it('sends nothing when the server has no VAPID keys', async () => {
    const { org, subscription, subscriptionId } = await subscribedOwner();

    await deliverPush(deps({ push: null }), jobFor(org, subscriptionId));
    expect(pushService.requestsTo(subscription.endpoint)).toBe(0);
  });
});

describe('push endpoints, like webhooks, reach public addresses only', () => {
  const publicOnly = { allowPrivateTargets: false };

  it('refuses a private address literal, a name resolving to one, and plain http', async () => {
    const browser = pushService.subscribe();
    const port = new URL(browser.endpoint).port;
    const at = (origin: string) => ({ ...browser, endpoint: `${origin}/push/somewhere` });

    await expect(
      sendPush(vapid, at(`https://127.0.0.1:${port}`), payload(), publicOnly),
    ).rejects.toThrow(
      new RefusedPushTargetError(
        '127.0.0.1 is a private, loopback or link-local address; push endpoints must be public',
      ),
    );
    await expect(sendPush(vapid, at('https://[fd00::1]'), payload(), publicOnly)).rejects.toThrow(
      RefusedPushTargetError,
    );
    await expect(
      sendPush(vapid, at(`https://localhost:${port}`), payload(), publicOnly),
    ).rejects.toThrow(
      new RefusedPushTargetError(
        'localhost is a private, loopback or link-local address; push endpoints must be public',
      ),
    );
    await expect(
      sendPush(vapid, at('http://push.example.com'), payload(), publicOnly),
    ).rejects.toThrow(new RefusedPushTargetError('Push endpoints must be https URLs, not http:'));
    expect(pushService.requestsTo(browser.endpoint)).toBe(0);
  });

  it('leaves a refused subscription unsent, without a retry, when delivering', async () => {
    const { org, subscription, subscriptionId } = await subscribedOwner();

    await deliverPush(deps(publicOnly), jobFor(org, subscriptionId));
    expect(pushService.requestsTo(subscription.endpoint)).toBe(0);
    expect(await storedFor(org.ownerId)).toHaveLength(1);
  });
});

describe('account.push', () => {
  async function signedIn() {
    const org = await createTestOrganization(services().db);
    const api = callerAs(services(), userPrincipal(org, { id: org.ownerId }, 'owner'));
    return { org, api };
  }
  const asInput = (browser: TestPushSubscription) => ({
    endpoint: browser.endpoint,
    keys: { p256dh: browser.p256dh, auth: browser.auth },
  });

  it('gives the public key browsers subscribe with', async () => {
    const { api } = await signedIn();
    expect(await api.account.push.publicKey()).toEqual({ publicKey: vapid.publicKey });
  });

  it('subscribes this browser, then unsubscribes it, each in the security activity', async () => {
    const { org, api } = await signedIn();
    const browser = pushService.subscribe();

    expect(await api.account.push.subscribe(asInput(browser))).toEqual({ subscribed: true });
    const [stored] = await storedFor(org.ownerId);
    expect(stored).toMatchObject({ ...browser });

    // What was subscribed through the API is what a delivery reaches.
    await deliverPush(deps(), jobFor(org, stored!.id));
    expect(pushService.accepted(browser.endpoint)).toHaveLength(1);

    expect(await api.account.push.unsubscribe({ endpoint: browser.endpoint })).toEqual({
      removed: true,
    });
    expect(await storedFor(org.ownerId)).toEqual([]);
    expect(await api.account.push.unsubscribe({ endpoint: browser.endpoint })).toEqual({
      removed: false,
    });

    const actions = (await api.account.securityActivity()).map((event) => event.action);
    expect(actions.filter((action) => action.startsWith('user.push_'))).toEqual([
      'user.push_unsubscribed',
      'user.push_subscribed',
    ]);
  });

  it('refuses keys that are not a browser’s, saying which', async () => {
    const { org, api } = await signedIn();
    const browser = pushService.subscribe();

    await expect(
      api.account.push.subscribe({
        endpoint: browser.endpoint,
        keys: { p256dh: 'A'.repeat(87), auth: browser.auth },
      }),
    ).rejects.toThrow('keys.p256dh must be a P-256 public key in base64url');
    await expect(
      api.account.push.subscribe({
        endpoint: browser.endpoint,
        keys: { p256dh: browser.p256dh, auth: Buffer.alloc(20).toString('base64url') },
      }),
    ).rejects.toThrow('keys.auth must be a 16-byte secret in base64url');
    expect(await storedFor(org.ownerId)).toEqual([]);
  });

  it('cannot remove another person’s browser', async () => {
    const { org: theirs, subscription } = await subscribedOwner();
    const { api } = await signedIn();

    expect(await api.account.push.unsubscribe({ endpoint: subscription.endpoint })).toEqual({
      removed: false,
    });
    expect(await storedFor(theirs.ownerId)).toHaveLength(1);
  });
});

describe('VAPID settings', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'clientele-vapid-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const production = {
    NODE_ENV: 'production',
    APP_URL: 'https://crm.example.com',
    ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  };

  it('are made once in development and kept beside the embedded database', () => {
    const config = parseEnv({ NODE_ENV: 'development', PGLITE_DIR: path.join(directory, 'db') });
    const first = vapidSettingsFromEnv(config);
    const file = path.join(directory, VAPID_KEYS_FILE);
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      publicKey: first!.publicKey,
      privateKey: first!.privateKey,
    });
    expect(vapidSettingsFromEnv(config)).toEqual(first);
    expect(first!.subject).toBe('mailto:no-reply@localhost');
  });

  it('are off in production without keys, and the ones given with them', () => {
    expect(vapidSettingsFromEnv(parseEnv(production))).toBeNull();
    const keys = webpush.generateVAPIDKeys();
    const config = parseEnv({
      ...production,
      MAIL_FROM: 'Acme CRM <crm@acme.example>',
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: keys.privateKey,
    });
    expect(vapidSettingsFromEnv(config)).toEqual({ ...keys, subject: 'mailto:crm@acme.example' });
    expect(
      vapidSettingsFromEnv(
        parseEnv({
          ...production,
          VAPID_SUBJECT: 'https://acme.example/ops',
          VAPID_PUBLIC_KEY: keys.publicKey,
          VAPID_PRIVATE_KEY: keys.privateKey,
        }),
      )?.subject,
    ).toBe('https://acme.example/ops');
  });

  it('need both keys, well formed, and a mailto: or https subject', () => {
    const keys = webpush.generateVAPIDKeys();
    const problems = (source: Record<string, string>) => {
      try {
        parseEnv({ ...production, ...source });
        return [];
      } catch (error) {
        if (!(error instanceof InvalidEnvironmentError)) throw error;
        return error.problems;
      }
    };
    expect(problems({ VAPID_PUBLIC_KEY: keys.publicKey })).toEqual([
      'VAPID_PRIVATE_KEY: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together',
    ]);
    expect(
      problems({ VAPID_PUBLIC_KEY: keys.privateKey, VAPID_PRIVATE_KEY: keys.privateKey }),
    ).toEqual([
      'VAPID_PUBLIC_KEY="***": must be a VAPID public key: 65 bytes in base64url (npx web-push generate-vapid-keys)',
    ]);
    expect(problems({ VAPID_SUBJECT: 'ops@example.com' })).toEqual([
      'VAPID_SUBJECT="ops@example.com": must be a mailto: address or an https URL, e.g. mailto:ops@example.com',
    ]);
  });
});
