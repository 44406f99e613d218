import { describe, expect, it } from 'vitest';
import { salesOrganization } from '@/test/factories';
import { setupTestServices } from '@/test/services';

// Reading deals: the filtered, sorted list and the board of a pipeline.
const { services } = setupTestServices();

const salesOrg = () => salesOrganization(services());

describe('deals.list', () => {
  it('filters, searches and pages with a keyset cursor in every sort', async () => {
    const { api, stage } = await salesOrg();
    const ada = await api.customers.create({ firstName: 'Ada' });
    const titles = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'];
    const made = [];
    for (const [index, title] of titles.entries()) {
      made.push(
        await api.deals.create({
          title,
          currency: 'USD',
          amountCents: (index + 1) * 1000,
          expectedCloseDate: index === 2 ? null : `2027-0${index + 1}-15`,
          customerIds: index % 2 === 0 ? [ada.id] : [],
        }),
      );
    }
    await api.deals.move({ id: made[4]!.id, stageId: stage('Won').id });

    const ids = (page: { items: { title: string }[] }) => page.items.map((deal) => deal.title);
    expect(ids(await api.deals.list({ customerId: ada.id }))).toEqual(['Echo', 'Charlie', 'Alpha']);
    expect(ids(await api.deals.list({ status: ['won'] }))).toEqual(['Echo']);
    expect(ids(await api.deals.list({ stageId: stage('Lead in').id, q: 'ha' }))).toEqual([
      'Charlie',
      'Alpha',
    ]);
    expect(ids(await api.deals.list({ minAmount: 2000, maxAmount: 3000 }))).toEqual([
      'Charlie',
      'Bravo',
    ]);
    expect(ids(await api.deals.list({ closeFrom: '2027-02-01', closeTo: '2027-04-30' }))).toEqual([
      'Delta',
      'Bravo',
    ]);

    for (const sort of ['createdAt', 'updatedAt', 'amount', 'expectedCloseDate'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const all = ids(await api.deals.list({ sort, order, limit: 100 }));
        const paged: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await api.deals.list({ sort, order, limit: 2, cursor });
          paged.push(...ids(page));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(paged, `${sort} ${order}`).toEqual(all);
        expect(new Set(paged).size).toBe(5);
      }
    }
    expect(ids(await api.deals.list({ sort: 'amount', order: 'asc' }))).toEqual(titles);
    expect(ids(await api.deals.list({ sort: 'expectedCloseDate', order: 'desc' }))).toEqual([
      'Echo',
      'Delta',
      'Bravo',
      'Alpha',
      'Charlie',
    ]);
  });
});

describe('deals.board', () => {
  it('counts and sums each stage per currency, weighted by its probability', async () => {
    const { api, stage } = await salesOrg();
    await api.deals.create({ title: 'A', currency: 'USD', amountCents: 10000 });
    await api.deals.create({ title: 'B', currency: 'USD', amountCents: 30000 });
    await api.deals.create({ title: 'C', currency: 'EUR', amountCents: 5000 });
    await api.deals.create({
      title: 'D',
      currency: 'USD',
      amountCents: 7000,
      stageId: stage('Proposal').id,
    });
    const gone = await api.deals.create({ title: 'E', currency: 'USD', amountCents: 999 });
    await api.deals.delete({ id: gone.id });

    const board = await api.deals.board({ perStage: 2 });
    const lead = board.stages.find((s) => s.name === 'Lead in')!;
    expect(lead.count).toBe(3);
    expect(lead.totals).toEqual([
      { currency: 'EUR', amountCents: 5000, weightedAmountCents: 500 },
      { currency: 'USD', amountCents: 40000, weightedAmountCents: 4000 },
    ]);
    expect(lead.deals.map((deal) => deal.title)).toEqual(['C', 'B']);
    const rest = await api.deals.list({ stageId: lead.id, cursor: lead.nextCursor! });
    expect(rest.items.map((deal) => deal.title)).toEqual(['A']);

    const proposal = board.stages.find((s) => s.name === 'Proposal')!;
    expect(proposal).toMatchObject({
      count: 1,
      totals: [{ currency: 'USD', amountCents: 7000, weightedAmountCents: 3500 }],
      nextCursor: null,
    });
    expect(board.stages.find((s) => s.name === 'Won')).toMatchObject({ count: 0, totals: [] });
    expect(board.stages.map((s) => s.name)).toEqual([
      'Lead in',
      'Qualified',
      'Proposal',
      'Negotiation',
      'Won',
      'Lost',
    ]);
  });
});
