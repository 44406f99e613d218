import { describe, expect, it } from 'vitest';
import { newMemberCaller, salesOrganization } from '@/test/factories';
import { codeOf } from '@/test/error-codes';
import { setupTestServices } from '@/test/services';

const { services } = setupTestServices();

const salesOrg = () => salesOrganization(services());

describe('deals.create', () => {
  it('starts a deal in the first open stage of the default pipeline and records that stage', async () => {
    const { api, pipeline, stage } = await salesOrg();
    const deal = await api.deals.create({ title: 'Pilot', currency: 'eur', amountCents: 120000 });
    expect(deal).toMatchObject({
      title: 'Pilot',
      pipelineId: pipeline.id,
      stageId: stage('Lead in').id,
      status: 'open',
      amountCents: 120000,
      currency: 'EUR',
      expectedCloseDate: null,
      customerIds: [],
      companyId: null,
      closedAt: null,
      version: 1,
    });
    const history = await api.deals.stageHistory({ id: deal.id });
    expect(history.items).toMatchObject([{ fromStageId: null, toStageId: stage('Lead in').id }]);
    expect(await api.deals.get({ id: deal.id })).toEqual(deal);
  });

  it('takes people of the organization and refuses those of another one as not found', async () => {
    const { api } = await salesOrg();
    const ada = await api.customers.create({ firstName: 'Ada' });
    const deal = await api.deals.create({
      title: 'With Ada',
      currency: 'USD',
      customerIds: [ada.id],
      expectedCloseDate: '2027-01-31',
    });
    expect(deal).toMatchObject({ customerIds: [ada.id], expectedCloseDate: '2027-01-31' });

    const other = await salesOrg();
    const stranger = await other.api.customers.create({ firstName: 'Stranger' });
    expect(
      await codeOf(api.deals.create({ title: 'x', currency: 'USD', customerIds: [stranger.id] })),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(
        api.deals.create({ title: 'x', currency: 'USD', stageId: other.stage('Won').id }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(
        api.deals.create({ title: 'x', currency: 'USD', pipelineId: other.pipeline.id }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(
        api.deals.create({ title: 'x', currency: 'USD', companyId: crypto.randomUUID() }),
      ),
    ).toBe('NOT_FOUND');
    expect(await codeOf(api.deals.create({ title: '', currency: 'USD' }))).toBe('BAD_REQUEST');
    expect(
      await codeOf(
        api.deals.create({ title: 'x', currency: 'USD', expectedCloseDate: '31/01/2027' }),
      ),
    ).toBe('BAD_REQUEST');
  });
});

describe('deals.move', () => {
  it('records each move, sets the status and closing time, and clears it on reopening', async () => {
    const { api, org, stage } = await salesOrg();
    const deal = await api.deals.create({ title: 'Mover', currency: 'USD', amountCents: 5000 });
    const qualified = await api.deals.move({ id: deal.id, stageId: stage('Qualified').id });
    expect(qualified).toMatchObject({ status: 'open', closedAt: null, version: 2 });

    const won = await api.deals.move({ id: deal.id, stageId: stage('Won').id });
    expect(won.status).toBe('won');
    expect(won.closedAt).toBeInstanceOf(Date);

    const reopened = await api.deals.move({ id: deal.id, stageId: stage('Proposal').id });
    expect(reopened).toMatchObject({ status: 'open', closedAt: null });

    const lost = await api.deals.move({
      id: deal.id,
      stageId: stage('Lost').id,
      lostReason: 'Went with a competitor',
    });
    expect(lost).toMatchObject({ status: 'lost', lostReason: 'Went with a competitor' });

    const history = await api.deals.stageHistory({ id: deal.id });
    expect(history.items.map((change) => change.toStageId)).toEqual(
      ['Lead in', 'Qualified', 'Won', 'Proposal', 'Lost'].map((name) => stage(name).id),
    );
    expect(history.items.at(-1)).toMatchObject({
      fromStageId: stage('Proposal').id,
      changedById: org.ownerId,
    });

    const events = await api.events.list({});
    const types = events.items.map((event) => event.type);
    expect(types).toEqual([
      'deal.created',
      'deal.stage_changed',
      'deal.stage_changed',
      'deal.won',
      'deal.stage_changed',
      'deal.stage_changed',
      'deal.lost',
    ]);
    expect(events.items[2]).toMatchObject({
      data: { previousStageId: stage('Qualified').id, status: 'won' },
    });
  });

  it('refuses a stale version, another pipeline and another organization without moving', async () => {
    const { api, stage } = await salesOrg();
    const deal = await api.deals.create({ title: 'Stale', currency: 'USD' });
    await api.deals.update({ id: deal.id, title: 'Renamed' });
    expect(
      await codeOf(
        api.deals.move({ id: deal.id, stageId: stage('Won').id, expectedVersion: deal.version }),
      ),
    ).toBe('CONFLICT');
    const other = await salesOrg();
    expect(await codeOf(api.deals.move({ id: deal.id, stageId: other.stage('Won').id }))).toBe(
      'NOT_FOUND',
    );
    const renewals = await api.pipelines.create({
      name: 'Renewals',
      stages: [{ name: 'Due', probability: 50, kind: 'open' }],
    });
    expect(await codeOf(api.deals.move({ id: deal.id, stageId: renewals.stages[0]!.id }))).toBe(
      'BAD_REQUEST',
    );
    expect(await api.deals.get({ id: deal.id })).toMatchObject({
      stageId: stage('Lead in').id,
      version: 2,
    });
    expect(
      await codeOf(other.api.deals.move({ id: deal.id, stageId: other.stage('Won').id })),
    ).toBe('NOT_FOUND');
  });
});

describe('deals.update', () => {
  it('changes only the fields given, refuses the stage and a stale version', async () => {
    const { api, stage } = await salesOrg();
    const deal = await api.deals.create({ title: 'Edit me', currency: 'USD', amountCents: 100 });
    const same = await api.deals.update({ id: deal.id, title: 'Edit me' });
    expect(same.version).toBe(1);
    const changed = await api.deals.update({ id: deal.id, amountCents: 250, expectedVersion: 1 });
    expect(changed).toMatchObject({ amountCents: 250, title: 'Edit me', version: 2 });
    expect(
      await codeOf(api.deals.update({ id: deal.id, amountCents: 300, expectedVersion: 1 })),
    ).toBe('CONFLICT');
    expect(await codeOf(api.deals.update({ id: deal.id, stageId: stage('Won').id } as never))).toBe(
      'BAD_REQUEST',
    );
  });
});

describe('deals.delete and deals.restore', () => {
  it('hides a deleted deal from reads and lists, and brings it back', async () => {
    const { api } = await salesOrg();
    const deal = await api.deals.create({ title: 'Gone', currency: 'USD' });
    await api.deals.delete({ id: deal.id });
    expect(await codeOf(api.deals.get({ id: deal.id }))).toBe('NOT_FOUND');
    expect((await api.deals.list({})).items).toEqual([]);
    const restored = await api.deals.restore({ id: deal.id });
    expect(restored).toMatchObject({ id: deal.id, version: 3 });
    expect((await api.deals.list({})).items.map((d) => d.id)).toEqual([deal.id]);
  });

  it('is for managers and above; members may create and move', async () => {
    const { org, stage } = await salesOrg();
    const asMember = await newMemberCaller(services(), org, 'member');
    const deal = await asMember.deals.create({ title: 'Mine', currency: 'USD' });
    await asMember.deals.move({ id: deal.id, stageId: stage('Won').id });
    expect(await codeOf(asMember.deals.delete({ id: deal.id }))).toBe('FORBIDDEN');
    expect(
      await codeOf(
        asMember.pipelines.create({ name: 'x', stages: [{ name: 'a', probability: 1 }] }),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('deals.createOrder', () => {
  it('turns a won deal into a draft order for its first person', async () => {
    const { api, stage } = await salesOrg();
    const ada = await api.customers.create({ firstName: 'Ada', lastName: 'Lovelace' });
    const deal = await api.deals.create({
      title: 'Engine licence',
      currency: 'GBP',
      amountCents: 420000,
      customerIds: [ada.id],
    });
    expect(await codeOf(api.deals.createOrder({ id: deal.id }))).toBe('CONFLICT');
    await api.deals.move({ id: deal.id, stageId: stage('Won').id });
    const order = await api.deals.createOrder({ id: deal.id });
    expect(order).toMatchObject({
      status: 'draft',
      customerId: ada.id,
      currency: 'GBP',
      totalCents: 420000,
      lines: [{ description: 'Engine licence', quantity: 1, unitPriceCents: 420000 }],
    });

    const nobody = await api.deals.create({
      title: 'Nobody',
      currency: 'GBP',
      stageId: stage('Won').id,
    });
    const refused = api.deals.createOrder({ id: nobody.id });
    expect(await codeOf(refused)).toBe('BAD_REQUEST');
    await expect(refused).rejects.toThrow(/person/);
  });
});

describe('dashboard.pipeline', () => {
  it('sums the open pipeline, the month’s wins, the win rate and the days to close', async () => {
    const { api, stage } = await salesOrg();
    const deal = (title: string, amountCents: number, currency = 'USD') =>
      api.deals.create({ title, currency, amountCents });
    await deal('Open lead', 10000);
    const negotiating = await deal('Negotiating', 20000);
    await api.deals.move({ id: negotiating.id, stageId: stage('Negotiation').id });
    await deal('Euro lead', 3000, 'EUR');
    for (const [title, amount] of [
      ['Won one', 50000],
      ['Won two', 25000],
    ] as const) {
      const won = await deal(title, amount);
      await api.deals.move({ id: won.id, stageId: stage('Won').id });
    }
    const lost = await deal('Lost one', 9000);
    await api.deals.move({ id: lost.id, stageId: stage('Lost').id });

    const now = Date.now();
    const figures = await api.dashboard.pipeline({
      from: new Date(now - 86_400_000),
      to: new Date(now + 60_000),
    });
    expect(figures.open).toEqual({
      count: 3,
      totals: [
        { currency: 'EUR', amountCents: 3000, weightedAmountCents: 300 },
        { currency: 'USD', amountCents: 30000, weightedAmountCents: 1000 + 15000 },
      ],
    });
    expect(figures.wonThisMonth).toEqual({
      count: 2,
      totals: [{ currency: 'USD', amountCents: 75000 }],
    });
    expect(figures.winRate).toEqual({ won: 2, lost: 1, rate: 2 / 3 });
    expect(figures.averageDaysToClose).toBe(0);

    const before = await api.dashboard.pipeline({
      from: new Date(now - 2 * 86_400_000),
      to: new Date(now - 86_400_000),
    });
    expect(before.winRate).toEqual({ won: 0, lost: 0, rate: null });
    expect(before.averageDaysToClose).toBeNull();
  });
});
