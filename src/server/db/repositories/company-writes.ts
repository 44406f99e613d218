import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Company, CompanyCreateValues, CompanyUpdateValues } from '@/schemas/companies';
import { AppError, conflictOn, notFound } from '@/server/errors';
import { companies, customers } from '../schema';
import type { TenantTx } from '../types';
import { changesTo, isEmpty } from './changes';
import { companyColumns, liveCompanies } from './company-columns';
import { assertMember } from './members';
import { isUniqueViolation } from './pg-errors';
import { staleVersion } from './versions';

const DOMAIN_UNIQUE = 'companies_organization_domain_unique';

export const domainTaken = () => conflictOn('domain', 'A company with this domain already exists');

/**
 * Holds, until commit, the right to create a company of this name in the organization: two
 * requests that would both create "Acme" (a customer's company typed twice at once) take turns,
 * and the second finds the first's.
 */
export async function lockCompanyName(tx: TenantTx, name: string) {
  const key = `${tx.organizationId}:company:${name.trim().toLowerCase()}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

export async function insertCompany(tx: TenantTx, values: CompanyCreateValues): Promise<Company> {
  if (values.ownerId) await assertMember(tx, values.ownerId, 'ownerId');
  try {
    const [company] = await tx
      .insert(companies)
      .values({ ...values, organizationId: tx.organizationId })
      .returning(companyColumns);
    return company!;
  } catch (error) {
    if (isUniqueViolation(error, DOMAIN_UNIQUE)) throw domainTaken();
    throw error;
  }
}

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
  const [before] = await tx
    .select(companyColumns)
    .from(companies)
    .where(and(liveCompanies(tx), eq(companies.id, id)))
    .for('update')
    .limit(1);
  if (!before) throw notFound('Company');
  if (expectedVersion !== undefined && before.version !== expectedVersion) {
    throw staleVersion(before.version);
  }
  const changes = changesTo(before, values);
  if (isEmpty(changes)) return { before, after: before, changed: false };
  if (changes.ownerId) await assertMember(tx, changes.ownerId, 'ownerId');
  try {
    const [after] = await tx
      .update(companies)
      .set({ ...changes, version: sql`${companies.version} + 1`, updatedAt: new Date() })
      .where(and(liveCompanies(tx), eq(companies.id, id)))
      .returning(companyColumns);
    if (changes.name !== undefined) await renamePeople(tx, id, after!.name);
    return { before, after: after!, changed: true };
  } catch (error) {
    if (isUniqueViolation(error, DOMAIN_UNIQUE)) throw domainTaken();
    throw error;
  }
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
export async function softDeleteCompany(tx: TenantTx, id: string): Promise<Company> {
  const [row] = await tx
    .update(companies)
    .set({ deletedAt: new Date(), updatedAt: new Date(), version: sql`${companies.version} + 1` })
    .where(and(liveCompanies(tx), eq(companies.id, id)))
    .returning(companyColumns);
  if (!row) throw notFound('Company');
  return row;
}

export async function restoreCompany(tx: TenantTx, id: string): Promise<Company> {
  try {
    const [row] = await tx
      .update(companies)
      .set({ deletedAt: null, updatedAt: new Date(), version: sql`${companies.version} + 1` })
      .where(
        and(
          eq(companies.organizationId, tx.organizationId),
          eq(companies.id, id),
          isNotNull(companies.deletedAt),
        ),
      )
      .returning(companyColumns);
    if (!row) throw notFound('Deleted company');
    return row;
  } catch (error) {
    if (isUniqueViolation(error, DOMAIN_UNIQUE)) {
      throw conflictOn(
        'domain',
        'Another live company now has this domain; change one of them first',
      );
    }
    throw error;
  }
}

/**
 * Locks the live companies with these ids (in id order, so two bulk changes cannot deadlock).
 * All must exist, else 404 naming the missing ones.
 */
export async function lockLiveCompanies(tx: TenantTx, ids: string[]): Promise<Company[]> {
  const rows = await tx
    .select(companyColumns)
    .from(companies)
    .where(and(liveCompanies(tx), inArray(companies.id, ids)))
    .orderBy(asc(companies.id))
    .for('update');
  if (rows.length !== ids.length) {
    const found = new Set(rows.map((row) => row.id));
    const missing = ids.flatMap((id, index) => (found.has(id) ? [] : [index]));
    throw new AppError(
      'NOT_FOUND',
      `${missing.length} of the ${ids.length} companies were not found`,
      { issues: missing.map((index) => ({ path: ['ids', index], message: 'not found' })) },
    );
  }
  return rows;
}
