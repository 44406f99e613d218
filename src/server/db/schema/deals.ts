import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  belongsTo,
  editableRecord,
  id,
  referrersIndex,
  refersTo,
  timestamps,
  timestamptz,
  version,
} from './columns';
import { companies } from './companies';
import { customers } from './customers';
import { dealStatusEnum, stageKindEnum } from './enums';
import { organizationId, users } from './identity';

/** A sales pipeline: ordered stages a deal moves through. Every organization has a default one. */
export const pipelines = pgTable(
  'pipelines',
  {
    id: id(),
    organizationId: organizationId(),
    name: text('name').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('pipelines_one_default_per_organization')
      .on(t.organizationId)
      .where(sql`${t.isDefault}`),
    index('pipelines_org_created_idx').on(t.organizationId, t.createdAt, t.id),
  ],
);

export const pipelineStages = pgTable(
  'pipeline_stages',
  {
    id: id(),
    organizationId: organizationId(),
    pipelineId: belongsTo('pipeline_id', () => pipelines.id),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    probability: integer('probability').notNull(),
    kind: stageKindEnum('kind').notNull().default('open'),
    ...timestamps(),
  },
  (t) => [
    index('pipeline_stages_pipeline_idx').on(t.organizationId, t.pipelineId, t.position),
    check('pipeline_stages_probability_range', sql`${t.probability} between 0 and 100`),
  ],
);

export const deals = pgTable(
  'deals',
  {
    id: id(),
    organizationId: organizationId(),
    title: text('title').notNull(),
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => pipelines.id, { onDelete: 'restrict' }),
    stageId: uuid('stage_id')
      .notNull()
      .references(() => pipelineStages.id, { onDelete: 'restrict' }),
    /** The kind of its stage, kept by the deals_stage_status trigger. */
    status: dealStatusEnum('status').notNull().default('open'),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull().default(0),
    currency: text('currency').notNull(),
    expectedCloseDate: date('expected_close_date', { mode: 'string' }),
    ownerId: refersTo('owner_id', () => users.id),
    companyId: refersTo('company_id', () => companies.id),
    lostReason: text('lost_reason'),
    /** Set on entering a won or lost stage, cleared on reopening (by the trigger). */
    closedAt: timestamptz('closed_at'),
    /** When the deal entered its current stage (by the trigger): time in stage, velocity. */
    stageEnteredAt: timestamptz('stage_entered_at').notNull().defaultNow(),
    ...editableRecord(),
  },
  (t) => {
    const live = sql`${t.deletedAt} is null`;
    return [
      // The board: one column per stage, newest first, keyset by id.
      index('deals_org_stage_idx').on(t.organizationId, t.stageId, t.createdAt, t.id).where(live),
      index('deals_org_created_idx').on(t.organizationId, t.createdAt, t.id).where(live),
      index('deals_org_updated_idx').on(t.organizationId, t.updatedAt, t.id),
      index('deals_org_company_idx').on(t.organizationId, t.companyId).where(live),
      index('deals_org_owner_idx').on(t.organizationId, t.ownerId).where(live),
      index('deals_org_close_idx').on(t.organizationId, t.expectedCloseDate).where(live),
      index('deals_org_closed_idx').on(t.organizationId, t.status, t.closedAt).where(live),
      referrersIndex('deals', t.companyId),
      check('deals_amount_not_negative', sql`${t.amountCents} >= 0`),
    ];
  },
);

/** The people of a deal. */
export const dealCustomers = pgTable(
  'deal_customers',
  {
    organizationId: organizationId(),
    dealId: belongsTo('deal_id', () => deals.id),
    customerId: belongsTo('customer_id', () => customers.id),
  },
  (t) => [
    primaryKey({ columns: [t.dealId, t.customerId] }),
    index('deal_customers_customer_idx').on(t.organizationId, t.customerId),
    referrersIndex('deal_customers', t.customerId),
  ],
);

/** Every move of a deal between stages, for conversion and velocity figures. */
export const dealStageChanges = pgTable(
  'deal_stage_changes',
  {
    id: id(),
    organizationId: organizationId(),
    dealId: belongsTo('deal_id', () => deals.id),
    /** Null for the stage a deal was created in. */
    fromStageId: refersTo('from_stage_id', () => pipelineStages.id),
    toStageId: refersTo('to_stage_id', () => pipelineStages.id),
    changedById: refersTo('changed_by_id', () => users.id),
    changedAt: timestamptz('changed_at').notNull().defaultNow(),
  },
  (t) => [
    index('deal_stage_changes_deal_idx').on(t.organizationId, t.dealId, t.changedAt),
    index('deal_stage_changes_org_changed_idx').on(t.organizationId, t.changedAt),
    referrersIndex('deal_stage_changes', t.dealId),
  ],
);

/**
 * Live deals per stage and currency: how many and their sum, kept exact by the
 * deal_stage_totals trigger on deals, so the board reads O(stages) rows whatever the number
 * of deals. A stage and currency without live deals has no row.
 */
export const dealStageTotals = pgTable(
  'deal_stage_totals',
  {
    organizationId: organizationId(),
    stageId: belongsTo('stage_id', () => pipelineStages.id),
    currency: text('currency').notNull(),
    dealCount: bigint('deal_count', { mode: 'number' }).notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.stageId, t.currency] }),
    index('deal_stage_totals_org_idx').on(t.organizationId),
  ],
);
