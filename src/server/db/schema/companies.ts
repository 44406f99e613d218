import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz, updatedAt } from './columns';
import { companySizeEnum } from './enums';
import { organizations, users } from './identity';
import type { PostalAddress } from './customers';

export const companies = pgTable(
  'companies',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The normalised host (lowercase, no `www.`): unique among an organization's live companies. */
    domain: text('domain'),
    industry: text('industry'),
    size: companySizeEnum('size'),
    website: text('website'),
    phone: text('phone'),
    address: jsonb('address').$type<PostalAddress>(),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamptz('deleted_at'),
    /** Sort key and search document, derived by Postgres so they can be indexed. */
    nameSort: text('name_sort')
      .notNull()
      .generatedAlwaysAs(sql`lower(name)`),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`lower(name || ' ' || coalesce(domain, ''))`),
  },
  (t) => {
    const live = sql`${t.deletedAt} is null`;
    return [
      uniqueIndex('companies_organization_domain_unique')
        .on(t.organizationId, t.domain)
        .where(sql`${t.deletedAt} is null and ${t.domain} is not null`),
      index('companies_org_created_idx').on(t.organizationId, t.createdAt, t.id).where(live),
      index('companies_org_updated_idx').on(t.organizationId, t.updatedAt, t.id),
      index('companies_org_name_idx').on(t.organizationId, t.nameSort, t.id).where(live),
      index('companies_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
      index('companies_tags_idx').using('gin', t.tags),
      index('companies_org_owner_idx').on(t.organizationId, t.ownerId),
    ];
  },
);
