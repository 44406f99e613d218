import { describe, expect, it } from 'vitest';
import { newMemberCaller, organizationWithOwner } from '@/test/factories';
import { codeOf } from '@/test/error-codes';
import { setupTestServices } from '@/test/services';

const { services } = setupTestServices();

describe('interactions.list', () => {
  it('lists interactions newest first, page by page, with their author', async () => {
    const { org, api } = await organizationWithOwner(services());
    const customer = await api.customers.create({ firstName: 'Tim' });
    const day = 24 * 60 * 60 * 1000;
    for (let i = 0; i < 5; i++) {
      await api.interactions.create({
        customerId: customer.id,
        type: (['note', 'call', 'email', 'meeting'] as const)[i % 4]!,
        subject: `Touch ${i}`,
        occurredAt: new Date(Date.now() - (5 - i) * day),
      });
    }
    const first = await api.interactions.list({ customerId: customer.id, limit: 3 });
    const second = await api.interactions.list({
      customerId: customer.id,
      limit: 3,
      cursor: first.nextCursor!,
    });
    expect([...first.items, ...second.items].map((i) => i.subject)).toEqual([
      'Touch 4',
      'Touch 3',
      'Touch 2',
      'Touch 1',
      'Touch 0',
    ]);
    expect(second.nextCursor).toBeNull();
    expect(first.items[0]).toMatchObject({
      type: 'note',
      authorId: org.ownerId,
      authorName: 'Owner',
    });
  });
});

describe('interactions.list and interactions.create', () => {
  it("is a 404 for another organization's customer", async () => {
    const { api } = await organizationWithOwner(services());
    const other = await organizationWithOwner(services());
    const theirs = await other.api.customers.create({ firstName: 'X' });
    expect(await codeOf(api.interactions.list({ customerId: theirs.id }))).toBe('NOT_FOUND');
    expect(
      await codeOf(api.interactions.create({ customerId: theirs.id, type: 'note', subject: 'Hi' })),
    ).toBe('NOT_FOUND');
  });
});

describe('interactions.update and interactions.delete', () => {
  it('lets the author or a manager change or delete an interaction, and nobody else', async () => {
    const { org, api: owner } = await organizationWithOwner(services());
    const customer = await owner.customers.create({ firstName: 'Cara' });
    const asAlice = await newMemberCaller(services(), org, 'member');
    const asBob = await newMemberCaller(services(), org, 'member');
    const asManny = await newMemberCaller(services(), org, 'manager');

    const note = await asAlice.interactions.create({
      customerId: customer.id,
      type: 'note',
      subject: 'Alice wrote this',
    });
    expect(await codeOf(asBob.interactions.update({ id: note.id, subject: 'Bob was here' }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(asBob.interactions.delete({ id: note.id }))).toBe('FORBIDDEN');
    expect(
      await asAlice.interactions.update({ id: note.id, content: 'More detail' }),
    ).toMatchObject({ content: 'More detail' });
    expect(
      await asManny.interactions.update({ id: note.id, subject: 'Edited by a manager' }),
    ).toMatchObject({
      subject: 'Edited by a manager',
    });
    await asManny.interactions.delete({ id: note.id });
    expect((await owner.interactions.list({ customerId: customer.id })).items).toEqual([]);
  });
});
