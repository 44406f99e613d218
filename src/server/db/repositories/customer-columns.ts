import { and, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { Customer } from '@/schemas/customers';
import { AppError, conflictOn } from '@/server/errors';
import { customers } from '../schema';
import type { TenantTx } from '../types';
import { columnsExcept } from './public-columns';
import type { VersionedRecords } from './versioned-writes';

/** The public shape of a customer: its columns but the internal ones (tenant, deletion, sort keys). */
export const customerColumns = columnsExcept(getTableColumns(customers), [
  'organizationId',
  'deletedAt',
  'emailKey',
  'nameSort',
  'lastNameSort',
  'companySort',
  'searchText',
  'searchNames',
]);

/**
 * A customer's full name as the pages write it ("Ines" when there is no last name). Null
 * where a left join found no customer: concatenating its null columns gives null.
 */
export const customerFullName = sql<
  string | null
>`trim(${customers.firstName} || ' ' || ${customers.lastName})`;

export const emailTaken = () =>
  conflictOn('email', 'A customer with this e-mail address already exists');

/** Customers as versioned, soft-deleted records (see versioned-writes.ts). */
export const CUSTOMERS: VersionedRecords<Customer> = {
  name: 'Customer',
  plural: 'customers',
  table: customers,
  columns: customerColumns,
  unique: {
    constraint: 'customers_organization_email_unique',
    taken: emailTaken,
    takenMeanwhile: () =>
      new AppError(
        'CONFLICT',
        'Another live customer now has this e-mail address; change one of them first',
      ),
  },
};

/** The organization's customers that are not soft-deleted. */
export const live = (tx: TenantTx) =>
  and(eq(customers.organizationId, tx.organizationId), isNull(customers.deletedAt));
