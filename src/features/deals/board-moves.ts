import type { Deal, DealBoard } from '@/schemas/deals';

type Totals = DealBoard['stages'][number]['totals'];

/** A stage's probability applied to an amount, in whole minor units. */
export const weighted = (amountCents: number, probability: number) =>
  Math.round((amountCents * probability) / 100);

function addToTotals(totals: Totals, deal: Deal, probability: number, sign: 1 | -1): Totals {
  const amount = sign * deal.amountCents;
  const weight = sign * weighted(deal.amountCents, probability);
  const found = totals.some((row) => row.currency === deal.currency);
  const next = found
    ? totals.map((row) =>
        row.currency === deal.currency
          ? {
              ...row,
              amountCents: row.amountCents + amount,
              weightedAmountCents: row.weightedAmountCents + weight,
            }
          : row,
      )
    : [...totals, { currency: deal.currency, amountCents: amount, weightedAmountCents: weight }];
  // A currency whose last deal left the stage is no longer summed there.
  return next.filter((row) => row.amountCents !== 0 || row.currency !== deal.currency || sign > 0);
}

/** Where a deal is on the board, if it is shown there. */
export function findOnBoard(board: DealBoard, dealId: string) {
  for (const stage of board.stages) {
    const deal = stage.deals.find((item) => item.id === dealId);
    if (deal) return { deal, stage };
  }
  return undefined;
}

/**
 * The board as it will be once a deal has moved to another stage: the card at the top of its
 * new column, both columns' counts and sums changed, the deal's status that of its new stage.
 * The server's answer replaces this guess as soon as it comes.
 */
export function moveOnBoard(
  board: DealBoard,
  dealId: string,
  stageId: string,
  lostReason?: string | null,
): DealBoard {
  const from = findOnBoard(board, dealId);
  const to = board.stages.find((stage) => stage.id === stageId);
  if (!from || !to || from.stage.id === stageId) return board;
  const moved: Deal = {
    ...from.deal,
    stageId,
    status: to.kind,
    lostReason: to.kind === 'lost' ? (lostReason ?? from.deal.lostReason) : from.deal.lostReason,
  };
  return {
    ...board,
    stages: board.stages.map((stage) => {
      if (stage.id === from.stage.id) {
        return {
          ...stage,
          count: Math.max(0, stage.count - 1),
          totals: addToTotals(stage.totals, from.deal, stage.probability, -1),
          deals: stage.deals.filter((deal) => deal.id !== dealId),
        };
      }
      if (stage.id === stageId) {
        return {
          ...stage,
          count: stage.count + 1,
          totals: addToTotals(stage.totals, moved, stage.probability, 1),
          deals: [moved, ...stage.deals],
        };
      }
      return stage;
    }),
  };
}
