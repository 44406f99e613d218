import { pipelineFiguresInput, pipelineFiguresOutput } from '@/schemas/dashboard';
import { pipelineFigures } from '@/server/domain/dashboard/pipeline-figures';
import { organizationProcedure } from '../../trpc';

/** Open pipeline value, won this month, and the win rate and time to win over a window. */
export const pipeline = organizationProcedure
  .meta({ permission: 'deals:read' })
  .input(pipelineFiguresInput)
  .output(pipelineFiguresOutput)
  .query(({ ctx, input }) =>
    ctx.services.figures.figure(
      ctx.tx,
      `pipeline:${input.from.toISOString()}:${input.to.toISOString()}`,
      pipelineFiguresOutput,
      () => pipelineFigures(ctx.tx, input),
    ),
  );
