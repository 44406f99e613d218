import { describe, expect, it } from 'vitest';
import type { Principal } from '@/server/api/context';
import { createCaller } from '@/server/api/root';
import { createSession } from '@/server/auth/session';
import { withIdentity } from '@/server/db/tenant';
import {
  addTestMember,
  createTestOrganization,
  testContext,
  userPrincipal,
  type TestOrganization,
} from '@/test/factories';
import { setupTestServices } from '@/test/services';

const { services } = setupTestServices();

interface Change {
  sequence: number;
  action: string;
  entityType: string;
  entityId: string | null;
}

/** The principal with a session of its own: a stream checks that its session still holds. */
async function signedIn(principal: Principal): Promise<Principal> {
  if (principal.kind !== 'user') return principal;
  const { sessionId } = await withIdentity(services().db, (tx) =>
    createSession(tx, {
      userId: principal.userId,
      activeOrganizationId: principal.organization?.id ?? null,
      ipAddress: null,
      userAgent: null,
    }),
  );
  return { ...principal, sessionId };
}

/**
 * Subscribes as `principal` and reads the stream in the background; `until` resolves once
 * `count` changes arrived, `stop` ends the subscription the way a closed connection does.
 */
async function listen(principal: Principal, lastEventId?: string) {
  const controller = new AbortController();
  const caller = createCaller(testContext(services(), await signedIn(principal)), {
    signal: controller.signal,
  });
  const iterable = (await caller.events.changes(
    lastEventId ? { lastEventId } : {},
  )) as AsyncIterable<unknown>;
  const received: Change[] = [];
  const iterator = iterable[Symbol.asyncIterator]();
  let waiting: { count: number; resolve: () => void } | undefined;
  void (async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      const value = next.value as [string, Change] | { data: Change };
      received.push(Array.isArray(value) ? value[1] : value.data);
      if (waiting && received.length >= waiting.count) waiting.resolve();
    }
  })();
  return {
    received,
    // Generous: it bounds a wait for what must arrive, on however loaded a machine.
    until: (count: number, ms = 30_000) =>
      new Promise<void>((resolve, reject) => {
        if (received.length >= count) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`only ${received.length} of ${count} changes arrived`)),
          ms,
        );
        waiting = { count, resolve: () => (clearTimeout(timer), resolve()) };
      }),
    stop: () => controller.abort(),
  };
}

const owner = (org: TestOrganization) => userPrincipal(org, { id: org.ownerId }, 'owner');
const ownerApi = (org: TestOrganization) => createCaller(testContext(services(), owner(org)));

describe('live changes', () => {
  it('reach every subscriber of the organization as they commit, and no other organization', async () => {
    const a = await createTestOrganization(services().db);
    const b = await createTestOrganization(services().db);
    const apiA = ownerApi(a);
    const colleague = await addTestMember(services().db, a, 'member');
    const first = await listen(owner(a));
    const second = await listen(userPrincipal(a, colleague, 'member'));
    const outsider = await listen(owner(b));

    const customer = await apiA.customers.create({ firstName: 'Live' });
    // Naming a company for the first time creates it, a change of its own.
    const { companyId } = await apiA.customers.update({ id: customer.id, company: 'Now' });
    await first.until(3);
    await second.until(3);
    expect(second.received.map((c) => [c.action, c.entityId])).toEqual([
      ['customer.created', customer.id],
      ['company.created', companyId],
      ['customer.updated', customer.id],
    ]);
    // Changes arrive in order: once the outsider hears its own organization's next change,
    // any of A's it was wrongly sent would have come before it.
    const own = await ownerApi(b).customers.create({ firstName: 'Outsider' });
    await expect.poll(() => outsider.received.some((c) => c.entityId === own.id)).toBe(true);
    expect(
      outsider.received.filter((c) => c.action !== 'organization.created').map((c) => c.entityId),
    ).toEqual([own.id]);
    [first, second, outsider].forEach((stream) => stream.stop());
  });

  it('never announce a change that rolled back', async () => {
    const org = await createTestOrganization(services().db);
    const api = ownerApi(org);
    const stream = await listen(owner(org));
    const unique = await api.customers.create({ firstName: 'Unique', email: 'one@example.com' });
    await expect(
      api.customers.create({ firstName: 'Dup', email: 'ONE@example.com' }),
    ).rejects.toThrow();
    const next = await api.customers.create({ firstName: 'Next' });
    await expect.poll(() => stream.received.some((c) => c.entityId === next.id)).toBe(true);
    expect(
      stream.received.filter((c) => c.entityType === 'customer').map((c) => c.entityId),
    ).toEqual([unique.id, next.id]);
    await stream.stop();
  });

  it('are filtered by what the subscriber may read', async () => {
    const org = await createTestOrganization(services().db);
    const api = ownerApi(org);
    const member = await addTestMember(services().db, org, 'member');
    const stream = await listen(userPrincipal(org, member, 'member'));
    await api.apiKeys.create({ name: 'Not for members', role: 'viewer' });
    await api.invitations.create({ email: 'new@example.com', role: 'viewer' });
    const visible = await api.customers.create({ firstName: 'Visible' }).then((c) => c.id);
    // Changes arrive in order, so the hidden ones, made first, would have come before it.
    await expect.poll(() => stream.received.some((c) => c.entityId === visible)).toBe(true);
    // (The organization's own creation may arrive late from before the subscription; it is not at issue.)
    expect(
      stream.received.map((c) => c.action).filter((action) => action !== 'organization.created'),
    ).toEqual(['customer.created']);
    await stream.stop();
  });

  it('replay what a reconnecting subscriber missed, from its last event id', async () => {
    const org = await createTestOrganization(services().db);
    const api = ownerApi(org);
    const seen = await listen(owner(org));
    const before = await api.customers.create({ firstName: 'Before' });
    await expect.poll(() => seen.received.some((c) => c.entityId === before.id)).toBe(true);
    seen.stop();
    const lastEventId = String(seen.received.find((c) => c.entityId === before.id)!.sequence);

    await api.customers.create({ firstName: 'Missed one' });
    await api.customers.create({ firstName: 'Missed two' });
    const resumed = await listen(owner(org), lastEventId);
    await resumed.until(2);
    await api.customers.create({ firstName: 'Live again' });
    await resumed.until(3);
    expect(resumed.received.map((c) => c.sequence)).toEqual([
      Number(lastEventId) + 1,
      Number(lastEventId) + 2,
      Number(lastEventId) + 3,
    ]);
    await resumed.stop();
  });
});
