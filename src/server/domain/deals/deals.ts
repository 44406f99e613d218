import { isNotNull } from 'drizzle-orm';
import type { Deal, DealCreateValues, DealMoveInput, DealUpdateValues } from '@/schemas/deals';
import { changesTo, isEmpty } from '@/server/db/repositories/changes';
import {
  getDeal,
  insertDeal,
  insertStageChange,
  setDealCustomers,
  writeDeal,
} from '@/server/db/repositories/deals';
import { getDefaultPipeline, getPipeline, getStage } from '@/server/db/repositories/pipelines';
import { staleVersion } from '@/server/db/repositories/versions';
import { deals } from '@/server/db/schema';
import type { TenantTx } from '@/server/db/types';
import { AppError, notFound } from '@/server/errors';
import { assertDealReferences } from './references';

const stageNotFound = (field: string) =>
  new AppError('NOT_FOUND', 'Stage not found', {
    issues: [{ path: [field], message: 'is not a stage of this organization' }],
  });

/** The stage a new deal starts in: the one given, else the first open stage of its pipeline. */
async function startingStage(tx: TenantTx, input: { pipelineId?: string; stageId?: string }) {
  if (input.stageId) {
    const stage = await getStage(tx, input.stageId);
    if (!stage) throw stageNotFound('stageId');
    if (input.pipelineId && stage.pipelineId !== input.pipelineId) {
      throw new AppError('BAD_REQUEST', 'The stage is not in the pipeline given', {
        issues: [{ path: ['stageId'], message: 'is not a stage of pipelineId' }],
      });
    }
    return stage;
  }
  const pipeline = input.pipelineId
    ? await getPipeline(tx, input.pipelineId)
    : await getDefaultPipeline(tx);
  if (!pipeline) {
    throw new AppError('NOT_FOUND', 'Pipeline not found', {
      issues: [{ path: ['pipelineId'], message: 'is not a pipeline of this organization' }],
    });
  }
  const stage = pipeline.stages.find((candidate) => candidate.kind === 'open');
  if (!stage) throw new AppError('CONFLICT', 'The pipeline has no open stage to start in');
  return { ...stage, pipelineId: pipeline.id };
}

export async function createDeal(
  tx: TenantTx,
  input: DealCreateValues,
  changedById: string | null,
): Promise<Deal> {
  const stage = await startingStage(tx, input);
  await assertDealReferences(tx, input);
  const id = await insertDeal(tx, {
    title: input.title,
    pipelineId: stage.pipelineId,
    stageId: stage.id,
    amountCents: input.amountCents,
    currency: input.currency,
    expectedCloseDate: input.expectedCloseDate ?? null,
    ownerId: input.ownerId ?? null,
    companyId: input.companyId ?? null,
    customerIds: input.customerIds,
    lostReason: stage.kind === 'lost' ? (input.lostReason ?? null) : null,
  });
  await insertStageChange(tx, { dealId: id, fromStageId: null, toStageId: stage.id, changedById });
  return (await getDeal(tx, id))!;
}

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

async function lockedDeal(tx: TenantTx, id: string, expectedVersion?: number) {
  const deal = await getDeal(tx, id, { lock: true });
  if (!deal) throw notFound('Deal');
  if (expectedVersion !== undefined && deal.version !== expectedVersion) {
    throw staleVersion(deal.version);
  }
  return deal;
}

/**
 * Applies the fields given (and only those) to a live deal. Fields already at the given values
 * are left alone; when all are, nothing is written and `changed` is false.
 */
export async function updateDeal(
  tx: TenantTx,
  id: string,
  values: DealUpdateValues,
  expectedVersion?: number,
) {
  const before = await lockedDeal(tx, id, expectedVersion);
  const { customerIds: people, ...given } = values;
  const columns = changesTo(before, given);
  const customerIds = people && !sameSet(people, before.customerIds) ? people : undefined;
  if (isEmpty(columns) && customerIds === undefined) {
    return { before, after: before, changed: false };
  }
  await assertDealReferences(tx, { ...columns, customerIds });
  await writeDeal(tx, id, columns);
  if (customerIds !== undefined) await setDealCustomers(tx, id, customerIds);
  const after = (await getDeal(tx, id))!;
  return { before, after, changed: true };
}

/**
 * Moves a live deal to another stage of its pipeline, recording who moved it. Entering a lost
 * stage keeps the reason given (or the one it had); any other stage clears it.
 */
export async function moveDeal(tx: TenantTx, input: DealMoveInput, changedById: string | null) {
  const before = await lockedDeal(tx, input.id, input.expectedVersion);
  const stage = await getStage(tx, input.stageId);
  if (!stage) throw stageNotFound('stageId');
  if (stage.pipelineId !== before.pipelineId) {
    throw new AppError('BAD_REQUEST', "The stage is not in the deal's pipeline", {
      issues: [{ path: ['stageId'], message: "is not a stage of the deal's pipeline" }],
    });
  }
  const lostReason = stage.kind === 'lost' ? (input.lostReason ?? before.lostReason) : null;
  if (stage.id === before.stageId && lostReason === before.lostReason) {
    return { before, after: before, stage, moved: false, changed: false };
  }
  await writeDeal(tx, before.id, { stageId: stage.id, lostReason });
  const moved = stage.id !== before.stageId;
  if (moved) {
    await insertStageChange(tx, {
      dealId: before.id,
      fromStageId: before.stageId,
      toStageId: stage.id,
      changedById,
    });
  }
  const after = (await getDeal(tx, before.id))!;
  return { before, after, stage, moved, changed: true };
}

/** The audit entry of a move to another stage, whichever door it came through. */
export const stageChangeAudit = (before: Deal, after: Deal) =>
  ({
    action: 'deal.stage_changed',
    entityType: 'deal',
    entityId: after.id,
    changes: {
      before: { stageId: before.stageId, status: before.status },
      after: { stageId: after.stageId, status: after.status },
    },
  }) as const;

export async function softDeleteDeal(tx: TenantTx, id: string): Promise<Deal> {
  const deal = await getDeal(tx, id, { lock: true });
  if (!deal) throw notFound('Deal');
  await writeDeal(tx, id, { deletedAt: new Date() });
  return (await getDeal(tx, id, { deleted: true }))!;
}

export async function restoreDeal(tx: TenantTx, id: string): Promise<Deal> {
  const deal = await getDeal(tx, id, { lock: true, deleted: true });
  if (!deal) throw notFound('Deleted deal');
  await writeDeal(tx, id, { deletedAt: null }, isNotNull(deals.deletedAt));
  return (await getDeal(tx, id))!;
}
