import { asc, eq, isNotNull } from 'drizzle-orm';
import {
  companies,
  customers,
  dealCustomers,
  deals,
  dealStageChanges,
  pipelines,
  pipelineStages,
} from '@/server/db/schema';
import type { TenantTx } from '@/server/db/types';
import { COMPANIES, DAY, type SeededRandom } from './demo-data';

// prettier-ignore
const INDUSTRIES = ['Software', 'Logistics', 'Healthcare', 'Retail', 'Finance', 'Manufacturing', 'Travel', 'Food'];
const SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001+'] as const;
// prettier-ignore
const DEAL_NAMES = ['Annual renewal', 'Platform rollout', 'Pilot', 'Expansion', 'Support upgrade', 'Data migration', 'Training programme', 'New region'];

const hostOf = (name: string) => `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`;

/**
 * The demo's companies, one for each company its customers name, and the customers linked to
 * them, as the companies migration links existing data.
 */
export async function seedDemoCompanies(
  tx: TenantTx,
  { random, ownerId, now }: { random: SeededRandom; ownerId: string; now: number },
) {
  const inserted = await tx
    .insert(companies)
    .values(
      COMPANIES.map((name) => {
        const createdAt = new Date(now - random.int(200, 400) * DAY);
        return {
          organizationId: tx.organizationId,
          name,
          domain: hostOf(name),
          website: `https://${hostOf(name)}`,
          industry: random.pick(INDUSTRIES),
          size: random.pick(SIZES),
          phone: `+1 555 ${String(random.int(100, 999))} ${String(random.int(1000, 9999))}`,
          ownerId,
          tags: random.next() < 0.3 ? ['key-account'] : [],
          createdAt,
          updatedAt: createdAt,
        };
      }),
    )
    .returning({ id: companies.id, name: companies.name });
  for (const company of inserted) {
    await tx
      .update(customers)
      .set({ companyId: company.id })
      .where(eq(customers.company, company.name));
  }
  return inserted;
}

/**
 * A pipeline that looks like a real team's: deals in every stage of the default pipeline, each
 * with a company and its people, and a stage history reaching months back, so the board and the
 * dashboard's win rate and time to close have something to show.
 */
export async function seedDemoDeals(
  tx: TenantTx,
  {
    random,
    ownerId,
    now,
    count,
  }: { random: SeededRandom; ownerId: string; now: number; count: number },
) {
  const [pipeline] = await tx
    .select({ id: pipelines.id })
    .from(pipelines)
    .where(eq(pipelines.isDefault, true));
  if (!pipeline) return 0;
  const stages = await tx
    .select()
    .from(pipelineStages)
    .where(eq(pipelineStages.pipelineId, pipeline.id))
    .orderBy(asc(pipelineStages.position));
  const open = stages.filter((stage) => stage.kind === 'open');
  const closed = stages.filter((stage) => stage.kind !== 'open');
  const people = await tx
    .select({ id: customers.id, companyId: customers.companyId })
    .from(customers)
    .where(isNotNull(customers.companyId));
  if (!open.length || !people.length) return 0;

  for (let n = 0; n < count; n++) {
    const person = random.pick(people);
    const colleague = random.pick(people.filter((p) => p.companyId === person.companyId));
    // A third of the deals are closed; the rest spread over the open stages.
    const path =
      n % 3 === 0
        ? [...open.slice(0, random.int(1, open.length)), random.pick(closed)]
        : open.slice(0, (n % open.length) + 1);
    const createdAt = now - random.int(10, 180) * DAY;
    const steps = path.map((stage, i) => ({
      stage,
      at: new Date(Math.min(createdAt + i * random.int(3, 20) * DAY, now - DAY)),
    }));
    const last = steps[steps.length - 1]!;
    const [deal] = await tx
      .insert(deals)
      .values({
        organizationId: tx.organizationId,
        title: `${random.pick(DEAL_NAMES)} ${n + 1}`,
        pipelineId: pipeline.id,
        stageId: last.stage.id,
        amountCents: random.int(5, 120) * 100_000,
        currency: 'USD',
        expectedCloseDate: new Date(createdAt + random.int(30, 120) * DAY)
          .toISOString()
          .slice(0, 10),
        ownerId,
        companyId: person.companyId,
        lostReason: last.stage.kind === 'lost' ? 'Went with a competitor' : null,
      })
      .returning({ id: deals.id });
    // The trigger dates the stage "now"; the history says when it really happened.
    await tx
      .update(deals)
      .set({
        createdAt: new Date(createdAt),
        updatedAt: last.at,
        stageEnteredAt: last.at,
        closedAt: last.stage.kind === 'open' ? null : last.at,
      })
      .where(eq(deals.id, deal!.id));
    await tx.insert(dealCustomers).values(
      [...new Set([person.id, colleague.id])].map((customerId) => ({
        organizationId: tx.organizationId,
        dealId: deal!.id,
        customerId,
      })),
    );
    await tx.insert(dealStageChanges).values(
      steps.map((step, i) => ({
        organizationId: tx.organizationId,
        dealId: deal!.id,
        fromStageId: i === 0 ? null : steps[i - 1]!.stage.id,
        toStageId: step.stage.id,
        changedById: ownerId,
        changedAt: step.at,
      })),
    );
  }
  return count;
}
