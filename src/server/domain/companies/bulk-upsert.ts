import { z } from 'zod';
import { companyFields, type Company, type CompanyUpsertItem } from '@/schemas/companies';
import { liveCompaniesMatching } from '@/server/db/repositories/company-bulk';
import { insertCompany, updateCompany } from '@/server/db/repositories/company-writes';
import type { TenantTx } from '@/server/db/types';
import { upsertEach } from '../records/bulk-upsert';

/**
 * Companies by normalised domain, among live companies: each one created or changed gets its
 * audit row and event, as the form would write it (a new name is written into its people).
 * Similar names are not refused, as in imports.
 */
export function upsertCompanies(
  tx: TenantTx,
  items: CompanyUpsertItem[],
  audit: {
    created(company: Company): Promise<void>;
    updated(before: Company, after: Company): Promise<void>;
  },
) {
  return upsertEach(tx, items, {
    keyOf: (item) => item.domain,
    async findExisting(tx, domains) {
      const { byDomain } = await liveCompaniesMatching(tx, { domains, names: [] });
      return new Map([...byDomain].map(([domain, company]) => [domain, company.id]));
    },
    createSchema: z.strictObject(companyFields),
    async create(tx, values) {
      const company = await insertCompany(tx, values);
      await audit.created(company);
      return company;
    },
    async update(tx, id, item) {
      const { before, after, changed } = await updateCompany(tx, id, item);
      if (changed) await audit.updated(before, after);
      return changed;
    },
  });
}
