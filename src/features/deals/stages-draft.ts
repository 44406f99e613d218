import {
  MAX_STAGE_NAME_LENGTH,
  MAX_STAGES,
  type PipelineStage,
  type PipelineUpdateInput,
  type StageKind,
} from '@/schemas/pipelines';

/**
 * The stages of a pipeline while an admin edits them: in board order, each either an existing
 * stage (by id) or a new one, with its probability as typed.
 */
export interface DraftStage {
  /** Stable across edits, for React and for the fields' ids. */
  key: string;
  id?: string;
  name: string;
  probability: string;
  kind: StageKind;
}

export interface StagesDraft {
  stages: DraftStage[];
  /** Existing stages taken out, with where their deals go (a key of a kept stage, or ''). */
  removed: { stage: PipelineStage; target: string }[];
}

export function draftFrom(stages: readonly PipelineStage[]): StagesDraft {
  return {
    stages: [...stages]
      .sort((a, b) => a.position - b.position)
      .map((stage) => ({
        key: stage.id,
        id: stage.id,
        name: stage.name,
        probability: String(stage.probability),
        kind: stage.kind,
      })),
    removed: [],
  };
}

/** The draft with the stage at `index` swapped with its neighbour `by` places away. */
export function moveStage(draft: StagesDraft, index: number, by: -1 | 1): StagesDraft {
  const other = index + by;
  if (other < 0 || other >= draft.stages.length) return draft;
  const stages = [...draft.stages];
  [stages[index], stages[other]] = [stages[other]!, stages[index]!];
  return { ...draft, stages };
}

export function addStage(draft: StagesDraft, key: string): StagesDraft {
  if (draft.stages.length >= MAX_STAGES) return draft;
  // A new stage goes before the first closed one, where open stages belong.
  const closed = draft.stages.findIndex((stage) => stage.kind !== 'open');
  const at = closed === -1 ? draft.stages.length : closed;
  const stages = [...draft.stages];
  stages.splice(at, 0, { key, name: '', probability: '50', kind: 'open' });
  return { ...draft, stages };
}

/** Takes a stage out; an existing one is remembered, for where its deals go. */
export function removeStage(
  draft: StagesDraft,
  key: string,
  original: readonly PipelineStage[],
): StagesDraft {
  const stage = draft.stages.find((item) => item.key === key);
  if (!stage) return draft;
  const stages = draft.stages.filter((item) => item.key !== key);
  const existing = stage.id ? original.find((item) => item.id === stage.id) : undefined;
  // Targets that pointed at the stage taken out must be chosen again.
  const removed = draft.removed.map((entry) =>
    entry.target === key ? { ...entry, target: '' } : entry,
  );
  return {
    stages,
    removed: existing ? [...removed, { stage: existing, target: '' }] : removed,
  };
}

export function updateStage(
  draft: StagesDraft,
  key: string,
  change: Partial<Omit<DraftStage, 'key' | 'id'>>,
): StagesDraft {
  return {
    ...draft,
    stages: draft.stages.map((stage) => (stage.key === key ? { ...stage, ...change } : stage)),
  };
}

export function setTarget(draft: StagesDraft, stageId: string, target: string): StagesDraft {
  return {
    ...draft,
    removed: draft.removed.map((entry) =>
      entry.stage.id === stageId ? { ...entry, target } : entry,
    ),
  };
}

/** What is wrong with the draft: per stage key and field, per removed stage, and overall. */
export interface DraftProblems {
  stages: Record<string, { name?: string; probability?: string }>;
  targets: Record<string, string>;
  form?: string;
}

const PROBABILITY = /^\d{1,3}$/;

/**
 * Checks the draft as the server would, plus what only the editor knows: a removed stage that
 * holds deals (per `dealCounts`, by stage id; unknown counts as holding some) needs a target.
 */
export function draftProblems(
  draft: StagesDraft,
  dealCounts: ReadonlyMap<string, number> | undefined,
): DraftProblems | null {
  const problems: DraftProblems = { stages: {}, targets: {} };
  let any = false;
  for (const stage of draft.stages) {
    const own: { name?: string; probability?: string } = {};
    const name = stage.name.trim();
    if (!name) own.name = 'Name is required';
    else if (name.length > MAX_STAGE_NAME_LENGTH) {
      own.name = `Name must be at most ${MAX_STAGE_NAME_LENGTH} characters`;
    }
    const probability = stage.probability.trim();
    if (!PROBABILITY.test(probability) || Number(probability) > 100) {
      own.probability = 'Probability must be a whole number from 0 to 100';
    }
    if (own.name || own.probability) {
      problems.stages[stage.key] = own;
      any = true;
    }
  }
  for (const entry of draft.removed) {
    const count = dealCounts?.get(entry.stage.id);
    if (count !== 0 && !entry.target) {
      problems.targets[entry.stage.id] = `Choose where the deals in ${entry.stage.name} go`;
      any = true;
    }
  }
  if (draft.stages.length === 0) {
    problems.form = 'A pipeline needs at least one stage.';
    any = true;
  } else if (!draft.stages.some((stage) => stage.kind === 'open')) {
    problems.form = 'A pipeline needs at least one open stage for new deals to start in.';
    any = true;
  }
  return any ? problems : null;
}

/**
 * The update for a valid draft: every kept stage in order (existing ones by id), and for each
 * removed stage with a target, the existing stage its deals move to. A target that is a new
 * stage cannot be named before it exists, so only kept existing stages are offered as targets.
 */
export function draftUpdate(pipelineId: string, draft: StagesDraft): PipelineUpdateInput {
  const moveDealsTo: Record<string, string> = {};
  for (const entry of draft.removed) {
    const target = draft.stages.find((stage) => stage.key === entry.target);
    if (target?.id) moveDealsTo[entry.stage.id] = target.id;
  }
  return {
    id: pipelineId,
    stages: draft.stages.map((stage) => ({
      ...(stage.id ? { id: stage.id } : {}),
      name: stage.name.trim(),
      probability: Number(stage.probability.trim()),
      kind: stage.kind,
    })),
    ...(Object.keys(moveDealsTo).length > 0 ? { moveDealsTo } : {}),
  };
}
