import { and, inArray, or } from 'drizzle-orm';
import type { Company, CompanyCreateValues } from '@/schemas/companies';
import { companies } from '../schema';
import type { TenantTx } from '../types';
import { companyColumns, liveCompanies } from './company-columns';

/** Live companies with these domains or these (lower-cased) names, to match imported rows. */
export async function liveCompaniesMatching(
  tx: TenantTx,
  { domains, names }: { domains: string[]; names: string[] },
) {
  type Match = { id: string; domain: string | null };
  const byDomain = new Map<string, Match>();
  const byName = new Map<string, Match>();
  if (domains.length === 0 && names.length === 0) return { byDomain, byName };
  const rows = await tx
    .select({ id: companies.id, name: companies.nameSort, domain: companies.domain })
    .from(companies)
    .where(
      and(
        liveCompanies(tx),
        or(
          domains.length > 0 ? inArray(companies.domain, domains) : undefined,
          names.length > 0 ? inArray(companies.nameSort, names) : undefined,
        ),
      ),
    )
    .orderBy(companies.createdAt, companies.id);
  for (const { name, ...company } of rows) {
    if (company.domain) byDomain.set(company.domain, company);
    if (!byName.has(name)) byName.set(name, company);
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
