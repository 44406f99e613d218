import type { PipelineFigures } from '@/schemas/dashboard';
import {
  closedDealFigures,
  openDealTotals,
  wonDealTotals,
} from '@/server/db/repositories/deal-figures';
import type { TenantTx } from '@/server/db/types';

const startOfMonth = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

/**
 * The sales pipeline at a glance: what is open now (as is and weighted), what was won this
 * month, and, over the window, the win rate and how long winning took.
 */
export async function pipelineFigures(
  tx: TenantTx,
  window: { from: Date; to: Date },
  now = new Date(),
): Promise<PipelineFigures> {
  const open = await openDealTotals(tx);
  const won = await wonDealTotals(tx, startOfMonth(now));
  const closed = await closedDealFigures(tx, window.from, window.to);
  const decided = closed.won + closed.lost;
  return {
    open: {
      count: open.reduce((sum, row) => sum + row.count, 0),
      totals: open.map(({ currency, amountCents, weightedAmountCents }) => ({
        currency,
        amountCents,
        weightedAmountCents,
      })),
    },
    wonThisMonth: {
      count: won.reduce((sum, row) => sum + row.count, 0),
      totals: won.map(({ currency, amountCents }) => ({ currency, amountCents })),
    },
    winRate: {
      won: closed.won,
      lost: closed.lost,
      rate: decided === 0 ? null : closed.won / decided,
    },
    averageDaysToClose:
      closed.averageDays === null ? null : Math.round(closed.averageDays * 10) / 10,
  };
}
