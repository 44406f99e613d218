import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deleteCurrentOrganization } from '@/server/db/repositories/organizations';
import { rows } from '@/server/db/rows';
import { withTenant } from '@/server/db/tenant';
import { salesOrganization, type TestOrganization } from '@/test/factories';
import { setupTestServices } from '@/test/services';

const { services } = setupTestServices();

interface Total {
  stageId: string;
  currency: string;
  count: number;
  amountCents: string;
}

const salesOrg = () => salesOrganization(services());

/** The totals the trigger kept, as the organization's tenant role sees them. */
function keptTotals(org: TestOrganization) {
  return withTenant(services().db, org.id, async (tx) =>
    rows<Total>(
      await tx.execute(sql`
        select stage_id as "stageId", currency, deal_count::int as count,
               amount_cents::text as "amountCents"
        from deal_stage_totals order by stage_id, currency`),
    ),
  );
}

/** The same figures computed afresh from the live deals. */
function freshTotals(org: TestOrganization) {
  return withTenant(services().db, org.id, async (tx) =>
    rows<Total>(
      await tx.execute(sql`
        select stage_id as "stageId", currency, count(*)::int as count,
               sum(amount_cents)::text as "amountCents"
        from deals where deleted_at is null
        group by stage_id, currency order by stage_id, currency`),
    ),
  );
}

async function expectExact(org: TestOrganization) {
  expect(await keptTotals(org)).toEqual(await freshTotals(org));
}

describe('deal stage totals', () => {
  it('stay exact through create, move, amount and currency changes, delete and restore', async () => {
    const { org, api, stage } = await salesOrg();
    const a = await api.deals.create({ title: 'A', currency: 'USD', amountCents: 10000 });
    const b = await api.deals.create({ title: 'B', currency: 'USD', amountCents: 2500 });
    expect(await keptTotals(org)).toEqual([
      { stageId: stage('Lead in').id, currency: 'USD', count: 2, amountCents: '12500' },
    ]);

    await api.deals.move({ id: a.id, stageId: stage('Proposal').id });
    await expectExact(org);
    await api.deals.update({ id: b.id, amountCents: 4000 });
    await expectExact(org);
    await api.deals.update({ id: b.id, currency: 'EUR' });
    await expectExact(org);
    await api.deals.update({ id: a.id, title: 'Renamed' });
    await api.deals.move({ id: a.id, stageId: stage('Won').id });
    await expectExact(org);

    await api.deals.delete({ id: b.id });
    expect(await keptTotals(org)).toEqual([
      { stageId: stage('Won').id, currency: 'USD', count: 1, amountCents: '10000' },
    ]);
    await api.deals.restore({ id: b.id });
    await expectExact(org);
    expect(await keptTotals(org)).toHaveLength(2);

    const board = await api.deals.board({ perStage: 0 });
    const won = board.stages.find((s) => s.name === 'Won')!;
    expect(won).toMatchObject({
      count: 1,
      totals: [{ currency: 'USD', amountCents: 10000, weightedAmountCents: 10000 }],
    });
  });

  it('follow deals moved off a removed stage', async () => {
    const { org, api } = await salesOrg();
    const pipeline = await api.pipelines.create({
      name: 'Partners',
      stages: [
        { name: 'Intro', probability: 20 },
        { name: 'Pilot', probability: 60 },
      ],
    });
    const [intro, pilot] = pipeline.stages;
    await api.deals.create({ title: 'x', currency: 'USD', amountCents: 5, stageId: intro!.id });
    await api.deals.create({ title: 'y', currency: 'USD', amountCents: 7, stageId: pilot!.id });
    await api.pipelines.update({
      id: pipeline.id,
      stages: [{ id: pilot!.id, name: 'Pilot', probability: 60, kind: 'open' }],
      moveDealsTo: { [intro!.id]: pilot!.id },
    });
    await expectExact(org);
    expect(await keptTotals(org)).toEqual([
      { stageId: pilot!.id, currency: 'USD', count: 2, amountCents: '12' },
    ]);
  });

  it('are unchanged by a company merge that moves deals between companies', async () => {
    const { org, api } = await salesOrg();
    const target = await api.companies.create({ name: 'Acme' });
    const source = await api.companies.create({ name: 'Acme Ltd', allowDuplicate: true });
    await api.deals.create({ title: 'a', currency: 'USD', amountCents: 3, companyId: source.id });
    await api.deals.create({ title: 'b', currency: 'USD', amountCents: 4, companyId: target.id });
    const before = await keptTotals(org);
    const merged = await api.companies.merge({ id: target.id, sourceId: source.id });
    expect(merged.dealsMoved).toBe(1);
    expect(await keptTotals(org)).toEqual(before);
    await expectExact(org);

    const filtered = await api.deals.board({ perStage: 0, companyId: target.id });
    expect(filtered.stages[0]).toMatchObject({ count: 2, totals: [{ amountCents: 7 }] });
  });

  it('match a fresh aggregate after a random sequence of changes', async () => {
    const { org, api, pipeline } = await salesOrg();
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const currencies = ['USD', 'EUR', 'GBP'];
    const live: string[] = [];
    const deleted: string[] = [];
    for (let step = 0; step < 60; step++) {
      const op = live.length === 0 ? 0 : random(6);
      const pick = () => live[random(live.length)]!;
      const stageId = pipeline.stages[random(pipeline.stages.length)]!.id;
      if (op === 0) {
        const deal = await api.deals.create({
          title: `d${step}`,
          currency: currencies[random(3)]!,
          amountCents: random(100000),
          stageId,
        });
        live.push(deal.id);
      } else if (op === 1) {
        await api.deals.move({ id: pick(), stageId });
      } else if (op === 2) {
        await api.deals.update({ id: pick(), amountCents: random(100000) });
      } else if (op === 3) {
        await api.deals.update({ id: pick(), currency: currencies[random(3)]! });
      } else if (op === 4) {
        const id = live.splice(random(live.length), 1)[0]!;
        await api.deals.delete({ id });
        deleted.push(id);
      } else if (deleted.length > 0) {
        const id = deleted.splice(random(deleted.length), 1)[0]!;
        await api.deals.restore({ id });
        live.push(id);
      }
    }
    await expectExact(org);
    const board = await api.deals.board({ perStage: 0 });
    expect(board.stages.reduce((sum, s) => sum + s.count, 0)).toBe(live.length);
  });

  it("keep another organization's totals invisible", async () => {
    const mine = await salesOrg();
    const theirs = await salesOrg();
    await theirs.api.deals.create({ title: 'Secret', currency: 'USD', amountCents: 99 });
    await mine.api.deals.create({ title: 'Mine', currency: 'EUR', amountCents: 1 });
    const seen = await keptTotals(mine.org);
    expect(seen).toEqual([
      { stageId: mine.stage('Lead in').id, currency: 'EUR', count: 1, amountCents: '1' },
    ]);
    const board = await mine.api.deals.board({ perStage: 0 });
    expect(board.stages.flatMap((s) => s.totals)).toEqual([
      { currency: 'EUR', amountCents: 1, weightedAmountCents: 0 },
    ]);
  });

  it('go with their organization when it is deleted with its deals', async () => {
    const { org, api } = await salesOrg();
    await api.deals.create({ title: 'Last', currency: 'USD', amountCents: 5 });
    const deleted = await withTenant(services().db, org.id, (tx) =>
      deleteCurrentOrganization(tx, org.slug),
    );
    expect(deleted?.id).toBe(org.id);
    expect(await keptTotals(org)).toEqual([]);
  });
});
