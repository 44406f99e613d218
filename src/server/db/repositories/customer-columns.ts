import { and, eq, getTableColumns, isNull } from 'drizzle-orm';
import { customers } from '../schema';
import type { TenantTx } from '../types';
import { columnsExcept } from './public-columns';

/** The public shape of a customer: its columns but the internal ones (tenant, deletion, sort keys). */
export const customerColumns = columnsExcept(getTableColumns(customers), [
  'organizationId',
  'deletedAt',
  'nameSort',
  'lastNameSort',
  'companySort',
  'searchText',
  'searchNames',
]);

/** The organization's customers that are not soft-deleted. */
export const live = (tx: TenantTx) =>
  and(eq(customers.organizationId, tx.organizationId), isNull(customers.deletedAt));
