import { eq } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { TenantTx } from '../types';

/**
 * The rows of a table that belong to the transaction's organization. Row-level security keeps
 * the others out anyway; saying so in the query lets the planner use the organization's indexes.
 */
export const ofOrganization = (tx: TenantTx, table: { organizationId: AnyPgColumn }) =>
  eq(table.organizationId, tx.organizationId);
