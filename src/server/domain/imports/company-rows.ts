import { z } from 'zod';
import { companyFields, type CompanyCreateValues } from '@/schemas/companies';
import { insertCompanies, liveCompaniesMatching } from '@/server/db/repositories/company-bulk';
import { updateCompany } from '@/server/db/repositories/company-writes';
import { applyUpdates, insertImported, mappedInput, type ImportRules } from './import-rules';

/** One CSV row as company input: a size typed "11–50" or "11 - 50" reads as "11-50". */
export const rowToCompany: ImportRules<CompanyCreateValues>['toInput'] = (values, mapping) =>
  mappedInput(values, mapping, (field, value, input) => {
    input[field] = field === 'size' ? value.replace(/\s*[-–—]\s*/, '-') : value;
  });

const nameKey = (name: string) => name.trim().toLowerCase();

/**
 * The company a row is among those indexed: the one with its domain, else the one with its
 * name, where one of the two has no domain.
 */
function sameCompany<C extends { domain?: string | null }>(
  index: { byDomain: Map<string, C>; byName: Map<string, C> },
  domain: string | null,
  name: string,
): C | undefined {
  const named = index.byName.get(name);
  return (
    (domain ? index.byDomain.get(domain) : undefined) ??
    (named && (!domain || !named.domain) ? named : undefined)
  );
}

/**
 * Companies, deduplicated by domain, else by name (ignoring case) where one of the two has no
 * domain: "Acme" at acme.com and "Acme" at acme.co.uk are two companies. A known company is
 * skipped or updated; a company repeated in the file is created once (with the later rows'
 * values, when updating).
 */
export const companyRows: ImportRules<CompanyCreateValues> = {
  toInput: rowToCompany,
  schema: z.strictObject(companyFields),
  async apply(context, valid) {
    const { tx, importRow } = context;
    const existing = await liveCompaniesMatching(tx, {
      domains: [...new Set(valid.flatMap((row) => row.values.domain ?? []))],
      names: [...new Set(valid.map((row) => nameKey(row.values.name)))],
    });
    const inserts: CompanyCreateValues[] = [];
    const created = {
      byDomain: new Map<string, CompanyCreateValues>(),
      byName: new Map<string, CompanyCreateValues>(),
    };
    const updates: { id: string; values: Partial<CompanyCreateValues> }[] = [];
    const update = importRow.duplicates === 'update';
    let skippedCount = 0;
    let mergedCount = 0;

    for (const { values, given } of valid) {
      const domain = values.domain ?? null;
      const name = nameKey(values.name);
      const changes = Object.fromEntries(given.map((field) => [field, values[field]]));
      const known = sameCompany(existing, domain, name);
      const earlier = known ? undefined : sameCompany(created, domain, name);
      if (!known && !earlier) {
        inserts.push(values);
        if (domain) created.byDomain.set(domain, values);
        created.byName.set(name, values);
      } else if (!update) {
        skippedCount += 1;
      } else if (known) {
        updates.push({ id: known.id, values: changes });
      } else {
        Object.assign(earlier!, changes);
        if (earlier!.domain) created.byDomain.set(earlier!.domain, earlier!);
        mergedCount += 1;
      }
    }

    await insertImported(context, 'company', inserts, insertCompanies);
    const updated = await applyUpdates(context, 'company', updates, updateCompany);
    return {
      createdCount: inserts.length,
      updatedCount: updated.updatedCount + mergedCount,
      skippedCount: skippedCount + updated.skippedCount,
      rejected: [],
    };
  },
};
