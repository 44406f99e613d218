import { and, eq, getTableColumns, isNull, sql, type SQL } from 'drizzle-orm';
import type { Company } from '@/schemas/companies';
import { conflictOn } from '@/server/errors';
import { companies } from '../schema';
import type { TenantTx } from '../types';
import { columnsExcept } from './public-columns';
import type { VersionedRecords } from './versioned-writes';

/** The public shape of a company: its columns but the internal ones (tenant, deletion, sort keys). */
export const companyColumns = columnsExcept(getTableColumns(companies), [
  'organizationId',
  'deletedAt',
  'nameSort',
  'searchText',
]);

export const domainTaken = () => conflictOn('domain', 'A company with this domain already exists');

/** Companies as versioned, soft-deleted records (see versioned-writes.ts). */
export const COMPANIES: VersionedRecords<Company> = {
  name: 'Company',
  plural: 'companies',
  table: companies,
  columns: companyColumns,
  unique: {
    constraint: 'companies_organization_domain_unique',
    taken: domainTaken,
    takenMeanwhile: () =>
      conflictOn('domain', 'Another live company now has this domain; change one of them first'),
  },
};

/** The organization's companies that are not soft-deleted. */
export const liveCompanies = (tx: TenantTx) =>
  and(eq(companies.organizationId, tx.organizationId), isNull(companies.deletedAt));

/** Legal forms that do not tell two companies apart ("Acme Inc." is "ACME"). */
const LEGAL_FORMS =
  'inc|incorporated|llc|ltd|limited|gmbh|corp|corporation|co|company|plc|ag|sa|bv|srl';

/**
 * A name reduced to what tells companies apart: lowercase letters and digits, single spaces,
 * no legal form at the end. The same SQL reduces the stored names and the one being compared.
 */
export const companyNameKey = (name: SQL) =>
  sql`btrim(regexp_replace(regexp_replace(lower(${name}), '[^[:alnum:]]+', ' ', 'g'), ' (${sql.raw(LEGAL_FORMS)}) *$', ''))`;
