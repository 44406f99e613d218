import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, referrersIndex, refersTo, timestamps, timestamptz } from './columns';
import { companies } from './companies';
import { customers } from './customers';
import { deals } from './deals';
import { interactionTypeEnum } from './enums';
import { apiKeys, organizationId, users } from './identity';

/** The notes, calls, e-mails and meetings of a timeline: about a customer, a company or a deal. */
export const customerInteractions = pgTable(
  'customer_interactions',
  {
    id: id(),
    organizationId: organizationId(),
    /** Null for an entry about a company or a deal alone. */
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    /**
     * The company of its customer while the customer is live, kept by triggers (migration 0017),
     * so a company's timeline reads one index range however large the organization is.
     */
    companyId: refersTo('company_id', () => companies.id),
    /** The deal an entry is about; such an entry is on the deal's timeline only. */
    dealId: uuid('deal_id').references(() => deals.id, { onDelete: 'cascade' }),
    authorId: refersTo('author_id', () => users.id),
    authorApiKeyId: refersTo('author_api_key_id', () => apiKeys.id),
    type: interactionTypeEnum('type').notNull(),
    subject: text('subject').notNull(),
    content: text('content').notNull().default(''),
    occurredAt: timestamptz('occurred_at').notNull().defaultNow(),
    ...timestamps(),
  },
  (t) => [
    index('customer_interactions_timeline_idx').on(
      t.organizationId,
      t.customerId,
      t.occurredAt.desc(),
      t.id.desc(),
    ),
    index('customer_interactions_org_updated_idx').on(t.organizationId, t.updatedAt, t.id),
    check(
      'customer_interactions_about_someone',
      sql`${t.customerId} is not null or ${t.companyId} is not null or ${t.dealId} is not null`,
    ),
    index('customer_interactions_company_timeline_idx')
      .on(t.organizationId, t.companyId, t.occurredAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.companyId} is not null`),
    index('customer_interactions_deal_timeline_idx')
      .on(t.organizationId, t.dealId, t.occurredAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.dealId} is not null`),
    referrersIndex('customer_interactions', t.customerId),
    referrersIndex('customer_interactions', t.companyId),
    referrersIndex('customer_interactions', t.dealId),
  ],
);
