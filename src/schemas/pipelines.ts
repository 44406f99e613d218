import { z } from 'zod';
import { page, timestamp, uuid } from './common';

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];
export const stageKind = z.enum(STAGE_KINDS);

export const MAX_STAGES = 30;
export const MAX_PIPELINE_NAME_LENGTH = 100;
export const MAX_STAGE_NAME_LENGTH = 100;

const name = (max: number) =>
  z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

const probability = z
  .number()
  .int('must be a whole percentage')
  .min(0, 'must be between 0 and 100')
  .max(100, 'must be between 0 and 100');

/** A stage as given: new without an id; an existing one (on update) by its id. */
export const stageInput = z
  .strictObject({
    id: uuid()
      .optional()
      .meta({ description: 'An existing stage of this pipeline; leave out for a new stage.' }),
    name: name(MAX_STAGE_NAME_LENGTH),
    probability: probability.meta({ description: 'Chance of winning a deal in it, 0–100.' }),
    kind: stageKind.default('open'),
  })
  .meta({ id: 'PipelineStageInput' });
export type StageInput = z.output<typeof stageInput>;

/** The ordered stages: a pipeline needs at least one open stage for new deals to start in. */
const stages = z
  .array(stageInput)
  .min(1, 'a pipeline needs at least one stage')
  .max(MAX_STAGES, `at most ${MAX_STAGES} stages`)
  .refine((list) => list.some((stage) => stage.kind === 'open'), {
    message: 'a pipeline needs at least one open stage',
  })
  .meta({ description: 'The stages in board order, first to last.' });

export const pipelineCreateInput = z
  .strictObject({
    name: name(MAX_PIPELINE_NAME_LENGTH),
    stages: stages.refine((list) => list.every((stage) => stage.id === undefined), {
      message: 'new stages have no id',
    }),
  })
  .meta({
    id: 'PipelineCreate',
    example: {
      name: 'Renewals',
      stages: [
        { name: 'Up for renewal', probability: 60, kind: 'open' },
        { name: 'Renewed', probability: 100, kind: 'won' },
        { name: 'Churned', probability: 0, kind: 'lost' },
      ],
    },
  });
export type PipelineCreateInput = z.input<typeof pipelineCreateInput>;

export const pipelineUpdateInput = z
  .strictObject({
    id: uuid(),
    name: name(MAX_PIPELINE_NAME_LENGTH).optional(),
    stages: stages.optional().meta({
      description:
        'The full ordered list: existing stages by id (renamed, re-weighted, reordered), new ones ' +
        'without. A stage left out is removed; if it holds deals, name where they go in `moveDealsTo`.',
    }),
    moveDealsTo: z.record(uuid(), uuid()).optional().meta({
      description:
        'For each removed stage that holds deals: `{removedStageId: targetStageId}`, a stage kept in this pipeline.',
    }),
  })
  .meta({ id: 'PipelineUpdate' });
export type PipelineUpdateInput = z.output<typeof pipelineUpdateInput>;

export const pipelineStageOutput = z
  .object({
    id: uuid(),
    name: z.string().max(MAX_STAGE_NAME_LENGTH),
    position: z.number().int().min(0),
    probability: z.number().int().min(0).max(100),
    kind: stageKind,
  })
  .meta({ id: 'PipelineStage' });
export type PipelineStage = z.infer<typeof pipelineStageOutput>;

export const pipelineOutput = z
  .object({
    id: uuid(),
    name: z.string().max(MAX_PIPELINE_NAME_LENGTH),
    isDefault: z.boolean().meta({ description: 'New deals start in this pipeline by default.' }),
    stages: z.array(pipelineStageOutput).max(MAX_STAGES),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'Pipeline' });
export type Pipeline = z.infer<typeof pipelineOutput>;

/** Pipelines are few: the list answers all of them at once. */
export const pipelineListOutput = page(pipelineOutput, null);
