import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { IMPORT_KINDS } from '@/schemas/imports';
import {
  editableRecord,
  id,
  metadata,
  referrersIndex,
  refersTo,
  tags,
  timestamps,
  timestamptz,
} from './columns';
import { companies } from './companies';
import { customerStatusEnum, importStatusEnum } from './enums';
import { organizationId, users } from './identity';

export interface PostalAddress {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

export const customers = pgTable(
  'customers',
  {
    id: id(),
    organizationId: organizationId(),
    email: text('email'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull().default(''),
    /** The linked company's name, kept in step with it so search and sort need no join. */
    company: text('company'),
    companyId: refersTo('company_id', () => companies.id),
    phone: text('phone'),
    status: customerStatusEnum('status').notNull().default('lead'),
    tags: tags(),
    ownerId: refersTo('owner_id', () => users.id),
    address: jsonb('address').$type<PostalAddress>(),
    metadata: metadata(),
    ...editableRecord(),
    /** Sort keys and the search document, derived by Postgres so they can be indexed. */
    nameSort: text('name_sort')
      .notNull()
      .generatedAlwaysAs(sql`lower(first_name || ' ' || last_name)`),
    /**
     * The address as it is unique and looked up (ignoring case): a column, because under row
     * security an index serves only leakproof conditions, which `lower(email) = …` is not.
     */
    emailKey: text('email_key').generatedAlwaysAs(sql`lower(email)`),
    lastNameSort: text('last_name_sort')
      .notNull()
      .generatedAlwaysAs(sql`lower(last_name)`),
    companySort: text('company_sort')
      .notNull()
      .generatedAlwaysAs(sql`lower(coalesce(company, ''))`),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(
        sql`lower(first_name || ' ' || last_name || ' ' || coalesce(email, '') || ' ' || coalesce(company, ''))`,
      ),
    /** What a misspelt search is matched against: names and company, not e-mail domains. */
    searchNames: text('search_names')
      .notNull()
      .generatedAlwaysAs(
        sql`lower(first_name || ' ' || last_name || ' ' || coalesce(company, ''))`,
      ),
  },
  (t) => {
    const live = sql`${t.deletedAt} is null`;
    return [
      uniqueIndex('customers_organization_email_unique')
        .on(t.organizationId, t.emailKey)
        .where(sql`${t.deletedAt} is null and ${t.emailKey} is not null`),
      // Keyset pagination: one index per sortable column, tie-broken by id.
      index('customers_org_created_idx').on(t.organizationId, t.createdAt, t.id).where(live),
      index('customers_org_updated_idx').on(t.organizationId, t.updatedAt, t.id),
      index('customers_org_name_idx').on(t.organizationId, t.nameSort, t.id).where(live),
      index('customers_org_company_idx').on(t.organizationId, t.companySort, t.id).where(live),
      index('customers_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
      index('customers_search_names_trgm_idx').using('gin', t.searchNames.op('gin_trgm_ops')),
      // A search's exact and starting matches, by byte order, on columns rather than expressions
      // (see customer-search.ts).
      index('customers_org_name_prefix_idx')
        .on(t.organizationId, sql`${t.nameSort} collate "C"`)
        .where(live),
      index('customers_org_last_name_prefix_idx')
        .on(t.organizationId, sql`${t.lastNameSort} collate "C"`)
        .where(live),
      index('customers_org_company_prefix_idx')
        .on(t.organizationId, sql`${t.companySort} collate "C"`)
        .where(live),
      index('customers_tags_idx').using('gin', t.tags),
      index('customers_org_owner_idx').on(t.organizationId, t.ownerId),
      index('customers_org_company_id_idx')
        .on(t.organizationId, t.companyId, t.nameSort, t.id)
        .where(live),
      referrersIndex('customers', t.companyId),
    ];
  },
);

export interface ImportIssue {
  /** 1-based line of the CSV (the header is line 1). */
  line: number;
  field: string;
  message: string;
}

/**
 * A CSV import of customers, companies or deals: its input, its progress, and what came of it.
 * (The table keeps the name it had when customers were all there was to import.)
 */
export const customerImports = pgTable(
  'customer_imports',
  {
    id: id(),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull().default('customers'),
    organizationId: organizationId(),
    createdById: refersTo('created_by_id', () => users.id),
    filename: text('filename').notNull(),
    status: importStatusEnum('status').notNull().default('queued'),
    /** What to do with a row that matches a live record ('skip' or 'update'). */
    duplicates: text('duplicates').notNull(),
    /** CSV column → field of the kind imported. */
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    csv: text('csv').notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    createdCount: integer('created_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    skippedCount: integer('skipped_count').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    errors: jsonb('errors').$type<ImportIssue[]>().notNull().default([]),
    failure: text('failure'),
    ...timestamps(),
    finishedAt: timestamptz('finished_at'),
  },
  (t) => [
    index('customer_imports_org_created_idx').on(t.organizationId, t.createdAt),
    check('customer_imports_kind', sql`${t.kind} in ('customers', 'companies', 'deals')`),
  ],
);
