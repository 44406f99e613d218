import { describe, expect, it } from 'vitest';
import { organizationWithOwner } from '@/test/factories';
import { codeOf } from '@/test/error-codes';
import { setupTestServices } from '@/test/services';

const { services } = setupTestServices();

async function withPipeline() {
  const { api } = await organizationWithOwner(services());
  const pipeline = await api.pipelines.create({
    name: 'Partners',
    stages: [
      { name: 'Intro', probability: 20 },
      { name: 'Pilot', probability: 60 },
      { name: 'Signed', probability: 100, kind: 'won' },
    ],
  });
  const stages = pipeline.stages.map(({ id, name, probability, kind }) => ({
    id,
    name,
    probability,
    kind,
  }));
  return { api, pipeline, stages };
}

describe('pipelines.create', () => {
  it('needs an open stage, and lists the default pipeline first', async () => {
    const { api, pipeline } = await withPipeline();
    expect(pipeline.stages.map((s) => [s.name, s.position])).toEqual([
      ['Intro', 0],
      ['Pilot', 1],
      ['Signed', 2],
    ]);
    expect(
      await codeOf(
        api.pipelines.create({
          name: 'Closed only',
          stages: [{ name: 'Done', probability: 100, kind: 'won' }],
        }),
      ),
    ).toBe('BAD_REQUEST');
    const { items } = await api.pipelines.list({});
    expect(items.map((p) => [p.name, p.isDefault])).toEqual([
      ['Sales', true],
      ['Partners', false],
    ]);
  });
});

describe('pipelines.update', () => {
  it("makes a stage's deals won when the stage becomes a won stage", async () => {
    const { api, pipeline, stages } = await withPipeline();
    const deal = await api.deals.create({
      title: 'Pilot deal',
      currency: 'USD',
      stageId: stages[1]!.id,
    });
    await api.pipelines.update({
      id: pipeline.id,
      stages: [stages[0]!, { ...stages[1]!, kind: 'won' }, stages[2]!],
    });
    const after = await api.deals.get({ id: deal.id });
    expect(after).toMatchObject({ status: 'won', stageId: stages[1]!.id });
    expect(after.closedAt).toBeInstanceOf(Date);
  });

  it('refuses stages of another pipeline and moves to stages it removes, changing nothing', async () => {
    const { api, pipeline, stages } = await withPipeline();
    const sales = (await api.pipelines.list({})).items[0]!;
    const foreign = sales.stages[0]!;
    expect(
      await codeOf(
        api.pipelines.update({
          id: pipeline.id,
          stages: [...stages, { id: foreign.id, name: 'x', probability: 1, kind: 'open' }],
        }),
      ),
    ).toBe('NOT_FOUND');
    const deal = await api.deals.create({ title: 'd', currency: 'USD', stageId: stages[0]!.id });
    expect(
      await codeOf(
        api.pipelines.update({
          id: pipeline.id,
          stages: [stages[2]!, { name: 'New', probability: 5, kind: 'open' }],
          moveDealsTo: { [stages[0]!.id]: stages[1]!.id },
        }),
      ),
    ).toBe('BAD_REQUEST');
    expect(
      await codeOf(api.pipelines.update({ id: pipeline.id, stages: [stages[1]!, stages[2]!] })),
    ).toBe('CONFLICT');
    expect((await api.pipelines.list({})).items[1]!.stages).toHaveLength(3);
    expect((await api.deals.get({ id: deal.id })).stageId).toBe(stages[0]!.id);
  });

  it('writes nothing when the pipeline already is as asked', async () => {
    const { api, pipeline, stages } = await withPipeline();
    const same = await api.pipelines.update({ id: pipeline.id, name: 'Partners', stages });
    expect(same.updatedAt).toEqual(pipeline.updatedAt);
    const trail = await api.audit.list({ entityType: 'pipeline', entityId: pipeline.id });
    expect(trail.items.map((row) => row.action)).toEqual(['pipeline.created']);
  });
});
