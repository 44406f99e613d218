import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { editableRecord, id, metadata, refersTo, tags } from './columns';
import { companySizeEnum } from './enums';
import { organizationId, users } from './identity';
import type { PostalAddress } from './customers';

export const companies = pgTable(
  'companies',
  {
    id: id(),
    organizationId: organizationId(),
    name: text('name').notNull(),
    /** The normalised host (lowercase, no `www.`): unique among an organization's live companies. */
    domain: text('domain'),
    industry: text('industry'),
    size: companySizeEnum('size'),
    website: text('website'),
    phone: text('phone'),
    address: jsonb('address').$type<PostalAddress>(),
    ownerId: refersTo('owner_id', () => users.id),
    tags: tags(),
    metadata: metadata(),
    ...editableRecord(),
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
