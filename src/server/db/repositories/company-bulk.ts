import { and, inArray } from 'drizzle-orm';
import type { Company, CompanyCreateValues } from '@/schemas/companies';
import { companies } from '../schema';
import type { TenantTx } from '../types';
import { companyColumns, liveCompanies } from './company-columns';

/** Live companies with these domains or these (lower-cased) names, to match imported rows. */
export async function liveCompaniesMatching(
  tx: TenantTx,
  { domains, names }: { domains: string[]; names: string[] },
) {
  const byDomain = new Map<string, string>();
  const byName = new Map<string, { id: string; domain: string | null }>();
  if (domains.length > 0) {
    const rows = await tx
      .select({ id: companies.id, domain: companies.domain })
      .from(companies)
      .where(and(liveCompanies(tx), inArray(companies.domain, domains)));
    for (const row of rows) byDomain.set(row.domain!, row.id);
  }
  if (names.length > 0) {
    const rows = await tx
      .select({ id: companies.id, name: companies.nameSort, domain: companies.domain })
      .from(companies)
      .where(and(liveCompanies(tx), inArray(companies.nameSort, names)))
      .orderBy(companies.createdAt, companies.id);
    for (const { name, ...company } of rows) if (!byName.has(name)) byName.set(name, company);
  }
  return { byDomain, byName };
}

/** Inserts many companies in one statement (their domains must be free). */
export async function insertCompanies(
  tx: TenantTx,
  values: CompanyCreateValues[],
): Promise<Company[]> {
  if (values.length === 0) return [];
  return tx
    .insert(companies)
    .values(values.map((row) => ({ ...row, organizationId: tx.organizationId })))
    .returning(companyColumns);
}
