import type { Pipeline, PipelineUpdateInput, StageInput } from '@/schemas/pipelines';
import { sameValue } from '@/server/db/repositories/changes';
import { dealCountsByStage, moveAllDeals, refreshDealStatus } from '@/server/db/repositories/deals';
import {
  deleteStages,
  getPipeline,
  insertStages,
  touchPipeline,
  updateStage,
} from '@/server/db/repositories/pipelines';
import type { TenantTx } from '@/server/db/types';
import { AppError, notFound } from '@/server/errors';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The stages given, checked against the pipeline's: existing ones by id, once each. */
function checkStageIds(before: Pipeline, stages: StageInput[]) {
  const existing = new Set(before.stages.map((stage) => stage.id));
  const seen = new Set<string>();
  stages.forEach((stage, index) => {
    if (stage.id === undefined) return;
    if (!existing.has(stage.id)) {
      throw new AppError('NOT_FOUND', 'Stage not found', {
        issues: [{ path: ['stages', index, 'id'], message: 'is not a stage of this pipeline' }],
      });
    }
    if (seen.has(stage.id)) {
      throw new AppError('BAD_REQUEST', 'A stage is listed twice', {
        issues: [{ path: ['stages', index, 'id'], message: 'is listed more than once' }],
      });
    }
    seen.add(stage.id);
  });
  return seen;
}

/** Where the deals of each removed stage go: a stage kept in this pipeline. */
async function plannedMoves(
  tx: TenantTx,
  removed: Pipeline['stages'],
  kept: Set<string>,
  moveDealsTo: Record<string, string>,
) {
  const removedIds = new Set(removed.map((stage) => stage.id));
  for (const [from, to] of Object.entries(moveDealsTo)) {
    if (!removedIds.has(from)) {
      throw new AppError('BAD_REQUEST', 'Deals can only be moved out of a stage removed here', {
        issues: [{ path: ['moveDealsTo', from], message: 'is not a stage this change removes' }],
      });
    }
    if (!kept.has(to)) {
      throw new AppError('BAD_REQUEST', 'Deals can only be moved to a stage this pipeline keeps', {
        issues: [
          { path: ['moveDealsTo', from], message: 'must name a stage kept in this pipeline' },
        ],
      });
    }
  }
  const counts = await dealCountsByStage(tx, [...removedIds]);
  const moves: { from: string; to: string }[] = [];
  for (const stage of removed) {
    const count = counts.get(stage.id);
    if (!count) continue;
    const to = moveDealsTo[stage.id];
    if (!to && count.live > 0) {
      const message = `holds ${plural(count.live, 'deal')}; say in moveDealsTo where they go`;
      throw new AppError('CONFLICT', `The stage "${stage.name}" ${message}`, {
        issues: [{ path: ['moveDealsTo', stage.id], message }],
      });
    }
    // Only deleted deals are left in it: they follow to the first stage kept.
    moves.push({ from: stage.id, to: to ?? [...kept][0]! });
  }
  return moves;
}

/**
 * Renames a pipeline and replaces its stages with the ordered list given: existing stages by id
 * keep their deals, new ones are added, and the deals of removed ones move where `moveDealsTo`
 * says (each move recorded in the deal's stage history).
 */
export async function updatePipeline(
  tx: TenantTx,
  input: PipelineUpdateInput,
  changedById: string | null,
) {
  const before = await getPipeline(tx, input.id, true);
  if (!before) throw notFound('Pipeline');
  const name = input.name !== undefined && input.name !== before.name ? input.name : undefined;
  const movedDeals: { id: string; fromStageId: string }[] = [];
  if (input.stages) {
    const kept = checkStageIds(before, input.stages);
    const removed = before.stages.filter((stage) => !kept.has(stage.id));
    const moves = await plannedMoves(tx, removed, kept, input.moveDealsTo ?? {});
    const fresh: (Omit<StageInput, 'id'> & { position: number })[] = [];
    for (const [position, { id, ...stage }] of input.stages.entries()) {
      if (id === undefined) {
        fresh.push({ ...stage, position });
        continue;
      }
      const old = before.stages.find((candidate) => candidate.id === id)!;
      const next = { id, ...stage, position };
      if (sameValue(old, next)) continue;
      await updateStage(tx, next);
      if (old.kind !== next.kind) await refreshDealStatus(tx, id);
    }
    await insertStages(tx, before.id, fresh);
    for (const { from, to } of moves) {
      const ids = await moveAllDeals(tx, from, to, changedById);
      movedDeals.push(...ids.map((id) => ({ id, fromStageId: from })));
    }
    await deleteStages(
      tx,
      removed.map((stage) => stage.id),
    );
  }
  const after = (await getPipeline(tx, before.id))!;
  const changed = name !== undefined || !sameValue(before.stages, after.stages);
  if (changed) await touchPipeline(tx, before.id, name);
  return {
    before,
    after: changed ? (await getPipeline(tx, before.id))! : before,
    changed,
    movedDeals,
  };
}
