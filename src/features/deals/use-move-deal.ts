'use client';

import type { z } from 'zod';
import { describeError, errorCode } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import type { dealBoardInput } from '@/schemas/deals';
import { api } from '@/trpc/react';
import { findOnBoard, moveOnBoard } from './board-moves';

export type BoardInput = z.input<typeof dealBoardInput>;

/**
 * Moves a deal to another stage of the board at once, then tells the server. When the server
 * refuses (someone else changed the deal meanwhile, or anything else), the board goes back to
 * what it was and says why; either way it is read again afterwards.
 */
export function useMoveDeal(board: BoardInput) {
  const utils = api.useUtils();
  return api.deals.move.useMutation({
    onMutate: async ({ id, stageId, lostReason }) => {
      await utils.deals.board.cancel(board);
      const previous = utils.deals.board.getData(board);
      if (previous)
        utils.deals.board.setData(board, moveOnBoard(previous, id, stageId, lostReason));
      const shown = previous ? findOnBoard(previous, id) : undefined;
      return { previous, title: shown?.deal.title ?? 'The deal' };
    },
    onSuccess: (deal) => {
      // The new version, so a next move of the same card is not taken for a stale one.
      utils.deals.board.setData(board, (current) =>
        current
          ? {
              ...current,
              stages: current.stages.map((stage) => ({
                ...stage,
                deals: stage.deals.map((item) => (item.id === deal.id ? deal : item)),
              })),
            }
          : current,
      );
      utils.deals.get.setData({ id: deal.id }, deal);
    },
    onError: (error, _input, context) => {
      if (context?.previous) utils.deals.board.setData(board, context.previous);
      const title = context?.title ?? 'The deal';
      if (errorCode(error) === 'CONFLICT') {
        toast.error(
          `“${title}” was not moved: someone else changed it meanwhile. The board now shows the latest state; try again.`,
        );
      } else {
        toast.error(`“${title}” was not moved: ${describeError(error)}`);
      }
    },
    onSettled: (_deal, _error, { id }) =>
      Promise.all([
        utils.deals.board.invalidate(),
        utils.deals.list.invalidate(),
        utils.deals.get.invalidate({ id }),
        utils.deals.stageHistory.invalidate({ id }),
        utils.dashboard.invalidate(),
      ]),
  });
}
