import { describe, expect, it } from 'vitest';
import type { Deal, DealBoard } from '@/schemas/deals';
import { moveOnBoard } from './board-moves';
import { formatSums } from './deal-money';

const at = new Date('2026-12-01T10:00:00Z');
const deal = (id: string, stageId: string, amountCents: number, currency = 'USD'): Deal => ({
  id,
  title: id,
  pipelineId: 'p',
  stageId,
  status: 'open',
  amountCents,
  currency,
  expectedCloseDate: null,
  ownerId: null,
  companyId: null,
  customerIds: [],
  lostReason: null,
  closedAt: null,
  stageEnteredAt: at,
  version: 1,
  createdAt: at,
  updatedAt: at,
});

const stage = (id: string, probability: number, kind: 'open' | 'won' | 'lost', deals: Deal[]) => ({
  id,
  name: id,
  position: 0,
  probability,
  kind,
  count: deals.length,
  totals: deals.length
    ? [
        {
          currency: 'USD',
          amountCents: deals.reduce((sum, d) => sum + d.amountCents, 0),
          weightedAmountCents: deals.reduce(
            (sum, d) => sum + Math.round((d.amountCents * probability) / 100),
            0,
          ),
        },
      ]
    : [],
  deals,
  nextCursor: null,
});

const board = {
  pipeline: {} as DealBoard['pipeline'],
  stages: [
    stage('lead', 10, 'open', [deal('a', 'lead', 10000), deal('b', 'lead', 5000)]),
    stage('won', 100, 'won', []),
    stage('lost', 0, 'lost', []),
  ],
} satisfies DealBoard;

describe('moveOnBoard', () => {
  it('moves the card to the top of its new column with both counts and sums changed', () => {
    const next = moveOnBoard(board, 'a', 'won');
    const [lead, won] = next.stages;
    expect(lead?.deals.map((d) => d.id)).toEqual(['b']);
    expect(lead?.count).toBe(1);
    expect(lead?.totals).toEqual([
      { currency: 'USD', amountCents: 5000, weightedAmountCents: 500 },
    ]);
    expect(won?.deals[0]).toMatchObject({ id: 'a', stageId: 'won', status: 'won' });
    expect(won?.count).toBe(1);
    expect(won?.totals).toEqual([
      { currency: 'USD', amountCents: 10000, weightedAmountCents: 10000 },
    ]);
  });

  it('keeps a lost reason given with the move, and leaves the board alone for no move', () => {
    expect(moveOnBoard(board, 'b', 'lost', 'Budget').stages[2]?.deals[0]?.lostReason).toBe(
      'Budget',
    );
    expect(moveOnBoard(board, 'a', 'lead')).toBe(board);
    expect(moveOnBoard(board, 'missing', 'won')).toBe(board);
  });

  it('drops a currency from a column once its last deal has left', () => {
    const next = moveOnBoard(moveOnBoard(board, 'a', 'won'), 'b', 'won');
    expect(next.stages[0]?.totals).toEqual([]);
  });
});

describe('formatSums', () => {
  it('shows each currency on its own and a fallback for nothing', () => {
    expect(
      formatSums([
        { currency: 'USD', amountCents: 120000 },
        { currency: 'EUR', amountCents: 30000 },
      ]),
    ).toMatch(/1,200\.00 \+ .*300\.00/);
    expect(formatSums([], 'amountCents', '$0')).toBe('$0');
  });
});
