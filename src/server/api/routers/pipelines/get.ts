import { idParam } from '@/schemas/common';
import { pipelineOutput } from '@/schemas/pipelines';
import { getPipeline } from '@/server/db/repositories/pipelines';
import { orNotFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

export const get = organizationProcedure
  .meta({
    permission: 'deals:read',
    openapi: {
      method: 'GET',
      path: '/pipelines/{id}',
      tags: ['Pipelines'],
      summary: 'Get a pipeline',
      description: 'One pipeline with its stages in board order.',
      protect: true,
    },
  })
  .input(idParam)
  .output(pipelineOutput)
  .query(async ({ ctx, input }) => orNotFound(await getPipeline(ctx.tx, input.id), 'Pipeline'));
