import { describe, expect, it } from 'vitest';
import { companies } from '@/server/db/schema';
import { withTenant } from '@/server/db/tenant';
import { readAll, setupIntegrators } from '@/test/integrator';
import type { Body } from '@/test/rest-client';
import { setupWebhookReceiver } from '@/test/webhook-receiver';

// An integrator keeping pipelines and deals over REST.
const { services, integrator, deliverDue, verifiedEvents } = setupIntegrators();
const receiver = setupWebhookReceiver();

type Integrator = Awaited<ReturnType<typeof integrator>>;

async function salesPipeline({ call }: Integrator) {
  const pipelines = await call('GET', '/pipelines');
  expect(pipelines.status).toBe(200);
  const pipeline = pipelines.body.items[0] as Body;
  const stage = (name: string) =>
    (pipeline.stages as Body[]).find((candidate) => candidate.name === name)!.id as string;
  return { pipeline, stage };
}

async function companyOf(organizationId: string, name: string) {
  const [row] = await withTenant(services().db, organizationId, (tx) =>
    tx.insert(companies).values({ organizationId, name }).returning({ id: companies.id }),
  );
  return row!.id;
}

describe('pipelines', () => {
  it('lists the default pipeline, creates one, and reshapes its stages', async () => {
    const client = await integrator();
    const { call } = client;
    const { pipeline } = await salesPipeline(client);
    expect(pipeline).toMatchObject({ name: 'Sales', isDefault: true });
    expect((pipeline.stages as Body[]).map((s) => [s.name, s.probability, s.kind])).toEqual([
      ['Lead in', 10, 'open'],
      ['Qualified', 25, 'open'],
      ['Proposal', 50, 'open'],
      ['Negotiation', 75, 'open'],
      ['Won', 100, 'won'],
      ['Lost', 0, 'lost'],
    ]);

    const created = await call('POST', '/pipelines', {
      body: {
        name: 'Renewals',
        stages: [
          { name: 'Due', probability: 40 },
          { name: 'Talking', probability: 60 },
          { name: 'Renewed', probability: 100, kind: 'won' },
        ],
      },
    });
    expect(created.status).toBe(200);
    const [due, talking, renewed] = created.body.stages as Body[];
    const deal = await call('POST', '/deals', {
      body: { title: 'Renewal 2027', currency: 'EUR', pipelineId: created.body.id },
    });
    expect(deal.body).toMatchObject({ stageId: due!.id, pipelineId: created.body.id });

    // Removing a stage that holds deals needs a stage for them.
    const stages = [
      { id: renewed!.id, name: 'Renewed', probability: 100, kind: 'won' },
      { id: talking!.id, name: 'Negotiating', probability: 70 },
      { name: 'Signed', probability: 90 },
    ];
    const refused = await call('PATCH', `/pipelines/${created.body.id}`, { body: { stages } });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('Due');
    expect(refused.body.issues[0].path).toEqual(['moveDealsTo', due!.id]);

    const reshaped = await call('PATCH', `/pipelines/${created.body.id}`, {
      body: { name: 'Renewals 2027', stages, moveDealsTo: { [due!.id as string]: talking!.id } },
    });
    expect(reshaped.status).toBe(200);
    expect(reshaped.body.name).toBe('Renewals 2027');
    expect((reshaped.body.stages as Body[]).map((s) => [s.name, s.position])).toEqual([
      ['Renewed', 0],
      ['Negotiating', 1],
      ['Signed', 2],
    ]);
    const moved = await call('GET', `/deals/${deal.body.id}`);
    expect(moved.body).toMatchObject({ stageId: talking!.id, version: 2 });
    // The history keeps every move; a removed stage is no longer named in it.
    const history = await call('GET', `/deals/${deal.body.id}/stages`);
    expect(history.body.items.map((c: Body) => [c.fromStageId, c.toStageId])).toEqual([
      [null, null],
      [null, talking!.id],
    ]);

    const feed = await call('GET', '/events?type=deal.stage_changed');
    expect(feed.body.items.map((e: Body) => e.data)).toMatchObject([
      { id: deal.body.id, stageId: talking!.id, previousStageId: due!.id },
    ]);

    const unchanged = await call('PATCH', `/pipelines/${created.body.id}`, {
      body: { name: 'Renewals 2027' },
    });
    expect(unchanged.body.updatedAt).toBe(reshaped.body.updatedAt);
  });
});

describe('deals', () => {
  it('creates, reads, updates, moves, deletes and restores a deal', async () => {
    const client = await integrator();
    const { call, org } = client;
    const { stage } = await salesPipeline(client);
    const person = (await call('POST', '/customers', { body: { firstName: 'Grace' } })).body;
    const companyId = await companyOf(org.id, 'Navy Labs');
    const created = await call('POST', '/deals', {
      body: {
        title: 'Compiler licence',
        amountCents: 250000,
        currency: 'usd',
        expectedCloseDate: '2027-03-31',
        companyId,
        customerIds: [person.id],
      },
    });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      stageId: stage('Lead in'),
      status: 'open',
      currency: 'USD',
      companyId,
      customerIds: [person.id],
      version: 1,
    });

    const updated = await call('PATCH', `/deals/${id}`, {
      body: { amountCents: 300000, expectedVersion: 1 },
    });
    expect(updated.body).toMatchObject({ amountCents: 300000, version: 2 });
    const stale = await call('PATCH', `/deals/${id}`, {
      body: { title: 'Other', expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    const staleMove = await call('POST', `/deals/${id}/move`, {
      body: { stageId: stage('Won'), expectedVersion: 1 },
    });
    expect(staleMove.status).toBe(409);

    const won = await call('POST', `/deals/${id}/move`, { body: { stageId: stage('Won') } });
    expect(won.body).toMatchObject({ status: 'won', version: 3 });
    expect(won.body.closedAt).toEqual(expect.any(String));

    const order = await call('POST', `/deals/${id}/order`, { body: {} });
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({
      customerId: person.id,
      totalCents: 300000,
      status: 'draft',
    });

    const filtered = await readAll(call, `/deals?status=won&companyId=${companyId}&limit=1`);
    expect(filtered.items.map((d) => d.id)).toEqual([id]);
    expect((await call('GET', '/deals?status=open')).body.items).toEqual([]);
    expect((await call('GET', '/deals?closeFrom=2027-04-01')).body.items).toEqual([]);

    expect((await call('DELETE', `/deals/${id}`)).status).toBe(200);
    expect((await call('GET', `/deals/${id}`)).status).toBe(404);
    const restored = await call('POST', `/deals/${id}/restore`, { body: {} });
    expect(restored.body).toMatchObject({ id, status: 'won' });
  });

  it("sees another organization's deals, pipelines, stages, companies and people as missing", async () => {
    const mine = await integrator();
    const theirs = await integrator();
    const their = await salesPipeline(theirs);
    const ours = await salesPipeline(mine);
    const person = (await theirs.call('POST', '/customers', { body: { firstName: 'Secret' } }))
      .body;
    const companyId = await companyOf(theirs.org.id, 'Secret Co');
    const deal = (
      await theirs.call('POST', '/deals', { body: { title: 'Secret deal', currency: 'EUR' } })
    ).body;
    const own = (await mine.call('POST', '/deals', { body: { title: 'Mine', currency: 'EUR' } }))
      .body;

    const attempts: [string, string, unknown?][] = [
      ['GET', `/deals/${deal.id}`],
      ['PATCH', `/deals/${deal.id}`, { title: 'Mine now' }],
      ['DELETE', `/deals/${deal.id}`],
      ['POST', `/deals/${deal.id}/restore`, {}],
      ['POST', `/deals/${deal.id}/move`, { stageId: their.stage('Won') }],
      ['GET', `/deals/${deal.id}/stages`],
      ['GET', `/deals/${deal.id}/timeline`],
      ['POST', `/deals/${deal.id}/interactions`, { type: 'note', subject: 'Mine now' }],
      ['POST', `/deals/${deal.id}/order`, {}],
      ['PATCH', `/pipelines/${their.pipeline.id}`, { name: 'Mine now' }],
      ['POST', `/deals/${own.id}/move`, { stageId: their.stage('Won') }],
      ['POST', '/deals', { title: 'x', currency: 'EUR', stageId: their.stage('Won') }],
      ['POST', '/deals', { title: 'x', currency: 'EUR', pipelineId: their.pipeline.id }],
      ['POST', '/deals', { title: 'x', currency: 'EUR', companyId }],
      ['POST', '/deals', { title: 'x', currency: 'EUR', customerIds: [person.id] }],
      ['PATCH', `/deals/${own.id}`, { companyId }],
      ['PATCH', `/deals/${own.id}`, { customerIds: [person.id] }],
      [
        'PATCH',
        `/pipelines/${ours.pipeline.id}`,
        { stages: [{ id: their.stage('Won'), name: 'Won', probability: 100, kind: 'open' }] },
      ],
    ];
    for (const [method, path, body] of attempts) {
      const res = await mine.call(method, path, body === undefined ? {} : { body });
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(404);
    }
    expect((await mine.call('GET', `/deals?companyId=${companyId}`)).body.items).toEqual([]);
    expect((await theirs.call('GET', `/deals/${deal.id}`)).body.title).toBe('Secret deal');
  });

  it('lets a viewer key read deals and refuses it changes', async () => {
    const client = await integrator();
    const deal = (
      await client.call('POST', '/deals', { body: { title: 'Readable', currency: 'EUR' } })
    ).body;
    const viewer = await client.keyFor('viewer');
    expect((await viewer('GET', `/deals/${deal.id}`)).status).toBe(200);
    expect((await viewer('GET', `/deals/${deal.id}/timeline`)).status).toBe(200);
    expect(
      (
        await viewer('POST', `/deals/${deal.id}/interactions`, {
          body: { type: 'note', subject: 'x' },
        })
      ).status,
    ).toBe(403);
    expect((await viewer('GET', '/pipelines')).status).toBe(200);
    expect((await viewer('PATCH', `/deals/${deal.id}`, { body: { title: 'x' } })).status).toBe(403);
    expect((await viewer('POST', '/pipelines', { body: { name: 'x', stages: [] } })).status).toBe(
      403,
    );
  });
});

describe('deal webhooks', () => {
  it('delivers deal.won, signed, to an endpoint that asked for it', async () => {
    const client = await integrator();
    const { call } = client;
    const { stage } = await salesPipeline(client);
    await deliverDue();
    receiver.reset();
    const created = await call('POST', '/webhooks', {
      body: { url: receiver.url('/deals'), eventTypes: ['deal.won', 'deal.stage_changed'] },
    });
    expect(created.status).toBe(200);
    const { secret } = created.body as { secret: string };

    const deal = (
      await call('POST', '/deals', { body: { title: 'Big one', currency: 'EUR', amountCents: 9 } })
    ).body;
    await call('POST', `/deals/${deal.id}/move`, { body: { stageId: stage('Won') } });
    expect(await deliverDue()).toBe(2);

    const events = verifiedEvents(receiver.received, secret);
    expect(events.map((e) => e.type)).toEqual(['deal.stage_changed', 'deal.won']);
    expect(events[1]!.data).toMatchObject({ id: deal.id, status: 'won', amountCents: 9 });
    expect(events[0]!.data).toMatchObject({ previousStageId: stage('Lead in') });
  });
});
