import { describe, expect, it } from 'vitest';
import type { PipelineStage } from '@/schemas/pipelines';
import {
  addStage,
  draftFrom,
  draftProblems,
  draftUpdate,
  moveStage,
  removeStage,
  setTarget,
  updateStage,
} from './stages-draft';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const STAGES: PipelineStage[] = [
  { id: id(1), name: 'Lead in', position: 0, probability: 10, kind: 'open' },
  { id: id(2), name: 'Proposal', position: 1, probability: 50, kind: 'open' },
  { id: id(3), name: 'Won', position: 2, probability: 100, kind: 'won' },
  { id: id(4), name: 'Lost', position: 3, probability: 0, kind: 'lost' },
];

describe('stages draft', () => {
  it('sends the stages in their new order, existing ones by id and new ones without', () => {
    let draft = draftFrom(STAGES);
    draft = moveStage(draft, 1, -1);
    draft = addStage(draft, 'new-1');
    draft = updateStage(draft, 'new-1', { name: ' Demo ', probability: '35' });
    expect(draftProblems(draft, new Map())).toBeNull();
    expect(draftUpdate('p', draft)).toEqual({
      id: 'p',
      stages: [
        { id: id(2), name: 'Proposal', probability: 50, kind: 'open' },
        { id: id(1), name: 'Lead in', probability: 10, kind: 'open' },
        { name: 'Demo', probability: 35, kind: 'open' },
        { id: id(3), name: 'Won', probability: 100, kind: 'won' },
        { id: id(4), name: 'Lost', probability: 0, kind: 'lost' },
      ],
    });
  });

  it('asks where the deals of a removed stage go, unless it holds none', () => {
    let draft = removeStage(draftFrom(STAGES), id(2), STAGES);
    expect(draftProblems(draft, new Map([[id(2), 3]]))?.targets).toEqual({
      [id(2)]: 'Choose where the deals in Proposal go',
    });
    expect(draftProblems(draft, new Map([[id(2), 0]]))).toBeNull();
    draft = setTarget(draft, id(2), id(1));
    expect(draftProblems(draft, new Map([[id(2), 3]]))).toBeNull();
    expect(draftUpdate('p', draft).moveDealsTo).toEqual({ [id(2)]: id(1) });
  });

  it('forgets a target that was removed in turn', () => {
    let draft = removeStage(draftFrom(STAGES), id(2), STAGES);
    draft = setTarget(draft, id(2), id(1));
    draft = removeStage(draft, id(1), STAGES);
    expect(draft.removed.map((entry) => entry.target)).toEqual(['', '']);
  });

  it('refuses blank names, probabilities outside 0–100 and a pipeline without open stages', () => {
    let draft = updateStage(draftFrom(STAGES), id(1), { name: ' ', probability: '101' });
    expect(draftProblems(draft, new Map())?.stages[id(1)]).toEqual({
      name: 'Name is required',
      probability: 'Probability must be a whole number from 0 to 100',
    });
    draft = updateStage(draftFrom(STAGES), id(1), { kind: 'won' });
    draft = updateStage(draft, id(2), { kind: 'lost' });
    expect(draftProblems(draft, new Map())?.form).toMatch(/at least one open stage/);
  });

  it('adds a new stage before the closed ones and keeps the ends in place when moving', () => {
    const draft = addStage(draftFrom(STAGES), 'n');
    expect(draft.stages.map((stage) => stage.key)).toEqual([id(1), id(2), 'n', id(3), id(4)]);
    expect(moveStage(draft, 0, -1)).toBe(draft);
    expect(moveStage(draft, 4, 1)).toBe(draft);
  });
});
