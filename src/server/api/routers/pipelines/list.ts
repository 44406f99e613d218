import { emptyInput } from '@/schemas/common';
import { pipelineListOutput } from '@/schemas/pipelines';
import { listPipelines } from '@/server/db/repositories/pipelines';
import { organizationProcedure } from '../../trpc';

export const list = organizationProcedure
  .meta({
    permission: 'deals:read',
    mcp: true,
    openapi: {
      method: 'GET',
      path: '/pipelines',
      tags: ['Pipelines'],
      summary: 'List pipelines',
      description:
        'Every pipeline of the organization with its stages in board order, the default first. ' +
        'Pipelines are few: the list has no further pages.',
      protect: true,
    },
  })
  .input(emptyInput)
  .output(pipelineListOutput)
  .query(async ({ ctx }) => ({ items: await listPipelines(ctx.tx), nextCursor: null }));
