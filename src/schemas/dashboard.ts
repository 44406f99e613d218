import { z } from 'zod';
import { timeInput, timestamp, uuid } from './common';
import { customerStatus } from './customers';

const count = z.number().int();

/** Live customers in each status, every status listed. */
export const customersByStatusOutput = z.array(z.object({ status: customerStatus, count }));

/** New customers in each of the last twelve weeks (from Monday, UTC), oldest first. */
export const newCustomersPerWeekOutput = z.array(z.object({ week: timestamp(), count }));

/** Paid revenue in each of the last twelve months (`YYYY-MM`), per currency. */
export const revenuePerMonthOutput = z.array(
  z.object({ month: z.string(), currency: z.string(), totalCents: z.number().int() }),
);

export const topCustomersOutput = z.array(
  z.object({
    customerId: uuid(),
    name: z.string(),
    company: z.string().nullable(),
    currency: z.string(),
    totalCents: z.number().int(),
    orders: z.number().int(),
  }),
);

export const recentActivityEntry = z.object({
  id: uuid(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: timestamp(),
  /** The record's name ("Rafael Cohen", "#1042"); null once it is deleted. */
  recordName: z.string().nullable(),
  /** For an interaction: a note, call, e-mail or meeting. */
  interactionType: z.string().nullable(),
  /** The customer an interaction, order or task is with. */
  customer: z.object({ id: uuid(), name: z.string() }).nullable(),
});
export type RecentActivityEntry = z.infer<typeof recentActivityEntry>;

export const recentActivityOutput = z.array(recentActivityEntry);

const amountsIn = z.array(z.object({ currency: z.string().max(3), amountCents: z.number().int() }));

/** The window of the pipeline figures: closed deals count when they closed within it. */
export const pipelineFiguresInput = z.object({ from: timeInput(), to: timeInput() });

export const pipelineFiguresOutput = z.object({
  /** Open deals now, per currency: as they are and weighted by their stage's probability. */
  open: z.object({
    count,
    totals: z.array(
      z.object({
        currency: z.string().max(3),
        amountCents: z.number().int(),
        weightedAmountCents: z.number().int(),
      }),
    ),
  }),
  /** Deals won since the start of the current month (UTC). */
  wonThisMonth: z.object({ count, totals: amountsIn }),
  /** Deals closed in the window: won ÷ (won + lost), null when none closed. */
  winRate: z.object({ won: count, lost: count, rate: z.number().min(0).max(1).nullable() }),
  /** Mean days from creation to winning, of the deals won in the window; null when none. */
  averageDaysToClose: z.number().min(0).nullable(),
});
export type PipelineFigures = z.infer<typeof pipelineFiguresOutput>;
