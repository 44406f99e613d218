import { describe, expect, it } from 'vitest';
import type { Role } from '@/schemas/permissions';
import {
  addTestMember,
  callerAs,
  createTestOrganization,
  ownerCaller,
  userPrincipal,
  type TestOrganization,
} from '@/test/factories';
import { setupTestServices } from '@/test/services';

const { services } = setupTestServices();

/** A live organization with an admin and a member besides its owner. */
async function liveOrganization(name: string) {
  const org = await createTestOrganization(services().db, name);
  const admin = await addTestMember(services().db, org, 'admin');
  const member = await addTestMember(services().db, org, 'member');
  return { org, owner: ownerCaller(services(), org), admin, member };
}

/** A caller acting as this person with this role in the organization. */
const personIn = (org: TestOrganization, userId: string, role: Role) =>
  callerAs(services(), userPrincipal(org, { id: userId }, role));

/** A live organization and its sandbox, with its owner's callers in both. */
async function twins(name: string) {
  const live = await liveOrganization(name);
  const created = await live.owner.sandbox.create();
  const sandbox: TestOrganization = { ...created, ownerId: live.org.ownerId };
  return { ...live, sandbox, inSandbox: personIn(sandbox, live.org.ownerId, 'owner') };
}

const sandboxedCustomer = { firstName: 'Sandy', lastName: 'Box' };

describe('creating a sandbox', () => {
  it('names it after the live organization, copies the members and their roles, audits both', async () => {
    const { org, owner, admin, member, sandbox, inSandbox } = await twins('Harbor Supply');
    expect(sandbox.name).toBe('Harbor Supply (sandbox)');
    expect(sandbox.slug).toMatch(new RegExp(`^${org.slug}-`));
    expect(sandbox.id).not.toBe(org.id);

    const members = await inSandbox.members.list({});
    expect(
      members.items.map((m) => [m.userId, m.role]).sort(([a], [b]) => a!.localeCompare(b!)),
    ).toEqual(
      [
        [org.ownerId, 'owner'],
        [admin.id, 'admin'],
        [member.id, 'member'],
      ].sort(([a], [b]) => a!.localeCompare(b!)),
    );

    const liveTrail = await owner.audit.list({ action: 'sandbox.created' });
    expect(liveTrail.items).toHaveLength(1);
    expect(liveTrail.items[0]).toMatchObject({ entityId: sandbox.id, actorId: org.ownerId });
    const sandboxTrail = await inSandbox.audit.list({ action: 'organization.created' });
    expect(sandboxTrail.items).toHaveLength(1);
    expect(await owner.audit.verify()).toMatchObject({ ok: true });
    expect(await inSandbox.audit.verify()).toMatchObject({ ok: true });
  });

  it('says on both sides which is the sandbox and names its twin', async () => {
    const { org, owner, sandbox, inSandbox } = await twins('Twin Peaks Ltd');
    const summary = (o: { id: string; name: string; slug: string }) => ({
      id: o.id,
      name: o.name,
      slug: o.slug,
    });
    expect(await owner.sandbox.get()).toEqual({
      ...summary(org),
      isSandbox: false,
      liveOrganization: null,
      sandbox: summary(sandbox),
    });
    expect(await inSandbox.sandbox.get()).toEqual({
      ...summary(sandbox),
      isSandbox: true,
      liveOrganization: summary(org),
      sandbox: null,
    });
    expect((await inSandbox.auth.me()).organization).toMatchObject({
      isSandbox: true,
      liveOrganization: { id: org.id },
    });
  });

  it('refuses a sandbox of a sandbox, a second sandbox, and people without org:manage', async () => {
    const { org, owner, admin, inSandbox } = await twins('Only One Co');
    await expect(inSandbox.sandbox.create()).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(owner.sandbox.create()).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(personIn(org, admin.id, 'admin').sandbox.create()).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const other = await liveOrganization('Members Only');
    await expect(
      personIn(other.org, other.member.id, 'member').sandbox.create(),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await other.owner.sandbox.get()).sandbox).toBeNull();
    expect(await personIn(other.org, other.admin.id, 'admin').sandbox.create()).toMatchObject({
      name: 'Members Only (sandbox)',
    });
  });
});

describe('the data of the two twins', () => {
  it('is separate both ways', async () => {
    const { owner, inSandbox } = await twins('Separate Ways');
    const inside = await inSandbox.customers.create(sandboxedCustomer);
    const outside = await owner.customers.create({ firstName: 'Live', lastName: 'Customer' });
    await expect(owner.customers.get({ id: inside.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(inSandbox.customers.get({ id: outside.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('resetting a sandbox', () => {
  it('removes every record, keeps members and keys, and appends a verified sandbox.reset row', async () => {
    const { inSandbox } = await twins('Reset Me Inc');
    const seeded = await inSandbox.sandbox.seed();
    expect(seeded.deals).toBeGreaterThan(0);
    expect(seeded.orders).toBeGreaterThan(0);
    const customer = await inSandbox.customers.create(sandboxedCustomer);
    const company = await inSandbox.companies.create({ name: 'Sandbox Company' });
    const task = await inSandbox.tasks.create({
      title: 'Call back',
      related: { type: 'customer', id: customer.id },
    });
    const key = await inSandbox.apiKeys.create({ name: 'CI', role: 'admin' });
    expect(key.key).toMatch(/^clt_test_/);
    const membersBefore = await inSandbox.members.list({});

    const result = await inSandbox.sandbox.reset({});
    expect(result.seeded).toBeNull();

    await expect(inSandbox.customers.get({ id: customer.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(inSandbox.companies.get({ id: company.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(inSandbox.tasks.get({ id: task.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await inSandbox.customers.list({})).items).toEqual([]);
    expect((await inSandbox.companies.list({})).items).toEqual([]);
    expect((await inSandbox.deals.list({})).items).toEqual([]);
    expect((await inSandbox.orders.list({})).items).toEqual([]);
    expect((await inSandbox.pipelines.list({})).items).toHaveLength(1);
    expect((await inSandbox.apiKeys.list()).map((k) => k.id)).toContain(key.id);
    expect((await inSandbox.members.list({})).items).toEqual(membersBefore.items);

    const trail = await inSandbox.audit.list({ action: 'sandbox.reset' });
    expect(trail.items).toHaveLength(1);
    expect(await inSandbox.audit.list({ action: 'customer.created' })).toMatchObject({
      items: [{ entityId: customer.id }],
    });
    expect(await inSandbox.audit.verify()).toMatchObject({ ok: true, firstBroken: null });
  });

  it('is refused in a live organization, which keeps its records', async () => {
    const { owner } = await liveOrganization('Live Only');
    const customer = await owner.customers.create({ firstName: 'Keep', lastName: 'Me' });
    await expect(owner.sandbox.reset({})).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(owner.sandbox.reset({ seed: true })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(owner.sandbox.seed()).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await owner.customers.get({ id: customer.id })).toMatchObject({ id: customer.id });
    expect((await owner.audit.list({ action: 'sandbox.reset' })).items).toEqual([]);
  });

  it('is refused to members', async () => {
    const { sandbox, member } = await twins('No Members Reset');
    await expect(personIn(sandbox, member.id, 'member').sandbox.reset({})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('seeding a sandbox', () => {
  it('fills an empty sandbox with demo data, once, and again after a reset with seed', async () => {
    const { inSandbox } = await twins('Seed Me');
    const seeded = await inSandbox.sandbox.seed();
    expect(seeded.customers).toBeGreaterThan(0);
    expect(seeded.orders).toBeGreaterThan(0);
    expect(seeded.deals).toBeGreaterThan(0);
    expect((await inSandbox.customers.list({ limit: 1 })).items).toHaveLength(1);
    expect((await inSandbox.orders.list({ limit: 1 })).items).toHaveLength(1);
    await expect(inSandbox.sandbox.seed()).rejects.toMatchObject({ code: 'CONFLICT' });

    const reset = await inSandbox.sandbox.reset({ seed: true });
    expect(reset.seeded).toEqual(seeded);
    expect((await inSandbox.audit.list({ action: 'sandbox.seeded' })).items).toHaveLength(1);
    expect(await inSandbox.audit.verify()).toMatchObject({ ok: true });
  });
});

describe('deleting a sandbox', () => {
  it('is for owners, from the live organization, and leaves the live one whole', async () => {
    const { org, owner, admin, sandbox } = await twins('Delete From Live');
    const customer = await owner.customers.create({ firstName: 'Still', lastName: 'Here' });
    await expect(personIn(org, admin.id, 'admin').sandbox.delete()).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await owner.sandbox.delete()).toEqual({ ok: true });
    expect((await owner.sandbox.get()).sandbox).toBeNull();
    const organizations = await owner.organizations.mine();
    expect(organizations.map((o) => o.id)).not.toContain(sandbox.id);
    expect(await owner.auth.me()).toMatchObject({ organization: { sandbox: null } });
    expect(await owner.customers.get({ id: customer.id })).toMatchObject({ id: customer.id });
    await expect(owner.sandbox.delete()).rejects.toMatchObject({ code: 'NOT_FOUND' });

    expect(await owner.sandbox.create()).toMatchObject({ name: 'Delete From Live (sandbox)' });
  });

  it('works from the sandbox itself', async () => {
    const { owner, inSandbox } = await twins('Delete From Inside');
    expect(await inSandbox.sandbox.delete()).toEqual({ ok: true });
    expect((await owner.sandbox.get()).sandbox).toBeNull();
  });
});
