import { dealBoardInput, dealBoardOutput } from '@/schemas/deals';
import { dealBoard } from '@/server/domain/deals/board';
import { organizationProcedure } from '../../trpc';

/**
 * The deal board of a pipeline (the default one unless named): per stage, how many deals it
 * holds, their sums per currency as they are and weighted by the stage probability, and its
 * newest deals.
 */
export const board = organizationProcedure
  .meta({
    permission: 'deals:read',
  })
  .input(dealBoardInput)
  .output(dealBoardOutput)
  .query(({ ctx, input }) => dealBoard(ctx.tx, input));
