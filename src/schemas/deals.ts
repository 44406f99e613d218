import { z } from 'zod';
import { cursor, page, pageLimit, sortOrder, timeInput, timestamp, uuid } from './common';
import { currency } from './orders';
import { STAGE_KINDS, pipelineOutput, pipelineStageOutput } from './pipelines';

export const DEAL_STATUSES = STAGE_KINDS;
export type DealStatus = (typeof DEAL_STATUSES)[number];
export const dealStatus = z.enum(DEAL_STATUSES);

export const DEAL_SORTS = ['createdAt', 'updatedAt', 'amount', 'expectedCloseDate'] as const;
export type DealSort = (typeof DEAL_SORTS)[number];

export const MAX_DEAL_TITLE_LENGTH = 200;
export const MAX_LOST_REASON_LENGTH = 500;
export const MAX_DEAL_CUSTOMERS = 50;
/** Amounts stay exact in JSON: below 2^53, with room to add up many of them. */
export const MAX_DEAL_AMOUNT_CENTS = 1_000_000_000_000_000;
export const MAX_BOARD_PER_STAGE = 50;

const currencyCode = z
  .string()
  .max(3)
  .regex(/^[A-Z]{3}$/);
const version = z.number().int().min(1);

const title = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(MAX_DEAL_TITLE_LENGTH, `must be at most ${MAX_DEAL_TITLE_LENGTH} characters`);

const amountCents = z
  .number()
  .int('must be whole minor units (cents)')
  .min(0, 'must not be negative')
  .max(MAX_DEAL_AMOUNT_CENTS, `must be at most ${MAX_DEAL_AMOUNT_CENTS}`);

/** A calendar day, `YYYY-MM-DD`. */
export const calendarDate = () =>
  z.iso.date({ error: 'must be a date as YYYY-MM-DD' }).meta({ maxLength: 10 });

const lostReason = z
  .string()
  .trim()
  .max(MAX_LOST_REASON_LENGTH, `must be at most ${MAX_LOST_REASON_LENGTH} characters`)
  .transform((text) => (text === '' ? null : text))
  .nullable()
  .optional();

const customerIds = z
  .array(uuid())
  .max(MAX_DEAL_CUSTOMERS, `at most ${MAX_DEAL_CUSTOMERS} people`)
  .transform((ids) => [...new Set(ids)])
  .meta({ description: 'The people (customers) of the deal.' });

const expectedVersion = version.optional().meta({
  description: 'The `version` you read; a newer one means someone else changed the deal (409).',
});

export const dealCreateInput = z
  .strictObject({
    title,
    pipelineId: uuid()
      .optional()
      .meta({ description: 'Defaults to the pipeline of `stageId`, else the default pipeline.' }),
    stageId: uuid()
      .optional()
      .meta({ description: 'Defaults to the first open stage of the pipeline.' }),
    amountCents: amountCents.default(0),
    currency,
    expectedCloseDate: calendarDate().nullable().optional(),
    ownerId: uuid().nullable().optional(),
    companyId: uuid().nullable().optional(),
    customerIds: customerIds.default([]),
    lostReason,
  })
  .meta({
    id: 'DealCreate',
    example: {
      title: 'Analytical engine pilot',
      amountCents: 4_800_000,
      currency: 'EUR',
      expectedCloseDate: '2027-01-31',
      customerIds: ['3f6c2a1e-8d4b-4c2f-9a7e-1b5d0c9e8f21'],
    },
  });
export type DealCreateInput = z.input<typeof dealCreateInput>;
export type DealCreateValues = z.output<typeof dealCreateInput>;

/** A partial update. The stage is not among the fields: moving a deal is `move`. */
export const dealUpdateInput = z
  .strictObject({
    id: uuid(),
    expectedVersion,
    title: title.optional(),
    amountCents: amountCents.optional(),
    currency: currency.optional(),
    expectedCloseDate: calendarDate().nullable().optional(),
    ownerId: uuid().nullable().optional(),
    companyId: uuid().nullable().optional(),
    customerIds: customerIds.optional(),
    lostReason,
  })
  .meta({ id: 'DealUpdate' });
export type DealUpdateInput = z.input<typeof dealUpdateInput>;
export type DealUpdateValues = Omit<z.output<typeof dealUpdateInput>, 'id' | 'expectedVersion'>;

export const dealMoveInput = z
  .strictObject({
    id: uuid(),
    stageId: uuid().meta({ description: 'A stage of the same pipeline.' }),
    expectedVersion,
    lostReason: lostReason.meta({
      description: 'Why the deal was lost (kept when moving to a lost stage).',
    }),
  })
  .meta({ id: 'DealMove' });
export type DealMoveInput = z.output<typeof dealMoveInput>;

export const dealOutput = z
  .object({
    id: uuid(),
    title: z.string().max(MAX_DEAL_TITLE_LENGTH),
    pipelineId: uuid(),
    stageId: uuid(),
    status: dealStatus,
    amountCents: z.number().int().min(0),
    currency: currencyCode,
    expectedCloseDate: z.string().max(10).nullable().meta({ format: 'date' }),
    ownerId: uuid().nullable(),
    companyId: uuid().nullable(),
    customerIds: z.array(uuid()).max(MAX_DEAL_CUSTOMERS),
    lostReason: z.string().max(MAX_LOST_REASON_LENGTH).nullable(),
    closedAt: timestamp().nullable(),
    stageEnteredAt: timestamp(),
    version,
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({
    id: 'Deal',
    example: {
      id: '7d1f3b5a-9c2e-4a6b-8d0f-1e3c5a7b9d2f',
      title: 'Analytical engine pilot',
      pipelineId: '2b4d6f8a-0c1e-4a3b-9d5f-7e9a1c3b5d7f',
      stageId: '4e6a8c0b-2d4f-4b6a-8e0c-2a4c6e8a0b2d',
      status: 'open',
      amountCents: 4_800_000,
      currency: 'EUR',
      expectedCloseDate: '2027-01-31',
      ownerId: 'c4a1e7d2-5b3f-4e8a-9d6c-0f2b4a6c8e1d',
      companyId: null,
      customerIds: ['3f6c2a1e-8d4b-4c2f-9a7e-1b5d0c9e8f21'],
      lostReason: null,
      closedAt: null,
      stageEnteredAt: '2026-11-21T10:00:00.000Z',
      version: 2,
      createdAt: '2026-11-20T14:31:07.204Z',
      updatedAt: '2026-11-21T10:00:00.000Z',
    },
  });
export type Deal = z.infer<typeof dealOutput>;

export const dealListInput = z.object({
  limit: pageLimit(),
  cursor: cursor(),
  pipelineId: uuid().optional().meta({ description: 'Only deals of this pipeline.' }),
  stageId: uuid().optional().meta({ description: 'Only deals in this stage.' }),
  status: z
    .array(dealStatus)
    .max(DEAL_STATUSES.length)
    .optional()
    .meta({ description: 'Only deals in these statuses (repeat the parameter for several).' }),
  ownerId: uuid().optional().meta({ description: 'Only deals owned by this member.' }),
  companyId: uuid().optional().meta({ description: 'Only deals of this company.' }),
  customerId: uuid().optional().meta({ description: 'Only deals with this person.' }),
  closeFrom: calendarDate()
    .optional()
    .meta({ description: 'Only deals expected to close on or after this day.' }),
  closeTo: calendarDate()
    .optional()
    .meta({ description: 'Only deals expected to close on or before this day.' }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Case-insensitive search in the title.' }),
  minAmount: z.coerce
    .number({ error: 'must be a number' })
    .int('must be whole minor units (cents)')
    .min(0)
    .max(MAX_DEAL_AMOUNT_CENTS)
    .optional()
    .meta({ description: 'Only deals of at least this amount (minor units).' }),
  maxAmount: z.coerce
    .number({ error: 'must be a number' })
    .int('must be whole minor units (cents)')
    .min(0)
    .max(MAX_DEAL_AMOUNT_CENTS)
    .optional()
    .meta({ description: 'Only deals of at most this amount (minor units).' }),
  updatedSince: timeInput()
    .optional()
    .meta({ description: 'Only deals changed at or after this time.' }),
  sort: z.enum(DEAL_SORTS).default('createdAt').meta({ description: 'The order.' }),
  order: sortOrder(),
});
export type DealListInput = z.input<typeof dealListInput>;
export type DealListParams = z.output<typeof dealListInput>;

export const dealPage = page(dealOutput);

export const dealBoardInput = z.object({
  pipelineId: uuid().optional().meta({ description: 'Defaults to the default pipeline.' }),
  ownerId: uuid().optional().meta({ description: 'Only deals owned by this member.' }),
  companyId: uuid().optional().meta({ description: 'Only deals of this company.' }),
  perStage: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0)
    .max(MAX_BOARD_PER_STAGE, `must be at most ${MAX_BOARD_PER_STAGE}`)
    .default(20)
    .meta({ description: 'How many deals of each stage to include, newest first.' }),
});
export type DealBoardParams = z.output<typeof dealBoardInput>;

/** Sums of amounts in one currency: as they are, and weighted by the stage's probability. */
export const currencyTotals = z
  .object({
    currency: currencyCode,
    amountCents: z.number().int(),
    weightedAmountCents: z.number().int(),
  })
  .meta({ id: 'CurrencyTotals' });

export const dealBoardOutput = z.object({
  pipeline: pipelineOutput,
  stages: z.array(
    pipelineStageOutput.extend({
      count: z.number().int().min(0),
      totals: z.array(currencyTotals),
      deals: z.array(dealOutput).max(MAX_BOARD_PER_STAGE),
      nextCursor: z
        .string()
        .nullable()
        .meta({ description: 'More of the stage: `deals.list` with this stage and cursor.' }),
    }),
  ),
});
export type DealBoard = z.infer<typeof dealBoardOutput>;

export const dealStageChangeOutput = z
  .object({
    id: uuid(),
    fromStageId: uuid().nullable(),
    toStageId: uuid().nullable(),
    changedById: uuid().nullable(),
    changedAt: timestamp(),
  })
  .meta({ id: 'DealStageChange' });

export const dealStageHistoryOutput = page(dealStageChangeOutput, null);
