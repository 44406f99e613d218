import { pipelineCreateInput, pipelineOutput } from '@/schemas/pipelines';
import { insertPipeline } from '@/server/db/repositories/pipelines';
import { organizationProcedure } from '../../trpc';

export const create = organizationProcedure
  .meta({
    permission: 'pipelines:manage',
    openapi: {
      method: 'POST',
      path: '/pipelines',
      tags: ['Pipelines'],
      summary: 'Create a pipeline',
      description: 'A pipeline with its stages in board order; it needs at least one open stage.',
      protect: true,
      successDescription: 'The created pipeline',
    },
  })
  .input(pipelineCreateInput)
  .output(pipelineOutput)
  .mutation(async ({ ctx, input }) => {
    const pipeline = await insertPipeline(ctx.tx, input);
    await ctx.audit({
      action: 'pipeline.created',
      entityType: 'pipeline',
      entityId: pipeline.id,
      changes: { after: pipeline },
    });
    return pipeline;
  });
