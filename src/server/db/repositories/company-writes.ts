import { and, eq, sql } from 'drizzle-orm';
import type { Company, CompanyCreateValues, CompanyUpdateValues } from '@/schemas/companies';
import { customers } from '../schema';
import type { TenantTx } from '../types';
import { COMPANIES } from './company-columns';
import { insertRecord, restoreRecord, softDeleteRecord, updateRecord } from './versioned-writes';

/**
 * Holds, until commit, the right to create a company of this name in the organization: two
 * requests that would both create "Acme" (a customer's company typed twice at once) take turns,
 * and the second finds the first's.
 */
export async function lockCompanyName(tx: TenantTx, name: string) {
  const key = `${tx.organizationId}:company:${name.trim().toLowerCase()}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

export const insertCompany = (tx: TenantTx, values: CompanyCreateValues) =>
  insertRecord(tx, COMPANIES, values);

/**
 * Applies the given fields (and only those) to a live company, bumping its version; with an
 * expected version, only if nobody changed it since (else 409 and nothing changes). A new name
 * is written into its people's `company` too, in the same transaction, and changes their
 * `updatedAt`, so a resynchronisation by `updatedSince` sees them.
 */
export async function updateCompany(
  tx: TenantTx,
  id: string,
  values: CompanyUpdateValues,
  expectedVersion?: number,
): Promise<{ before: Company; after: Company; changed: boolean }> {
  const update = await updateRecord(tx, COMPANIES, id, values, expectedVersion);
  if (update.after.name !== update.before.name) await renamePeople(tx, id, update.after.name);
  return update;
}

/** Keeps the `company` text of the company's people (deleted ones too) equal to its name. */
async function renamePeople(tx: TenantTx, companyId: string, name: string) {
  await tx
    .update(customers)
    .set({ company: name, updatedAt: new Date(), version: sql`${customers.version} + 1` })
    .where(
      and(eq(customers.organizationId, tx.organizationId), eq(customers.companyId, companyId)),
    );
}

/** Soft delete: gone from reads, restorable; its people keep their link and text. */
export const softDeleteCompany = (tx: TenantTx, id: string) => softDeleteRecord(tx, COMPANIES, id);

export const restoreCompany = (tx: TenantTx, id: string) => restoreRecord(tx, COMPANIES, id);
