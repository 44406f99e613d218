import { z } from 'zod';
import { companyFields, type CompanyCreateValues } from '@/schemas/companies';
import { insertAuditLog, insertAuditLogs } from '@/server/db/repositories/audit-logs';
import { insertCompanies, liveCompaniesMatching } from '@/server/db/repositories/company-bulk';
import { updateCompany } from '@/server/db/repositories/company-writes';
import { changedFields } from '../audit/changed-fields';
import { mappedInput, type ImportRules } from './import-rules';

const CHUNK = 500;

/** One CSV row as company input: a size typed "11–50" or "11 - 50" reads as "11-50". */
export const rowToCompany: ImportRules<CompanyCreateValues>['toInput'] = (values, mapping) =>
  mappedInput(values, mapping, (field, value, input) => {
    input[field] = field === 'size' ? value.replace(/\s*[-–—]\s*/, '-') : value;
  });

const nameKey = (name: string) => name.trim().toLowerCase();

/**
 * Companies, deduplicated by domain, else by name (ignoring case) where one of the two has no
 * domain: "Acme" at acme.com and "Acme" at acme.co.uk are two companies. A known company is
 * skipped or updated; a company repeated in the file is created once.
 */
export const companyRows: ImportRules<CompanyCreateValues> = {
  toInput: rowToCompany,
  schema: z.strictObject(companyFields),
  async apply({ tx, importRow, audit }, valid) {
    const existing = await liveCompaniesMatching(tx, {
      domains: [...new Set(valid.flatMap((row) => row.values.domain ?? []))],
      names: [...new Set(valid.map((row) => nameKey(row.values.name)))],
    });
    const inserts: CompanyCreateValues[] = [];
    const newByDomain = new Map<string, CompanyCreateValues>();
    const newByName = new Map<string, CompanyCreateValues>();
    const updates: { id: string; values: Partial<CompanyCreateValues> }[] = [];
    let skippedCount = 0;
    const update = importRow.duplicates === 'update';

    for (const { values, given } of valid) {
      const domain = values.domain ?? null;
      const name = nameKey(values.name);
      const sameName = existing.byName.get(name);
      const knownId =
        (domain && existing.byDomain.get(domain)) ||
        (sameName && (!domain || !sameName.domain) ? sameName.id : undefined);
      const changes = Object.fromEntries(given.map((field) => [field, values[field]]));
      if (knownId) {
        if (update) updates.push({ id: knownId, values: changes });
        else skippedCount += 1;
        continue;
      }
      const earlier =
        (domain && newByDomain.get(domain)) ||
        (newByName.get(name) && (!domain || !newByName.get(name)!.domain)
          ? newByName.get(name)
          : undefined);
      if (earlier) {
        if (update) Object.assign(earlier, changes);
        else skippedCount += 1;
        if (earlier.domain) newByDomain.set(earlier.domain, earlier);
        continue;
      }
      inserts.push(values);
      if (domain) newByDomain.set(domain, values);
      newByName.set(name, values);
    }

    for (let i = 0; i < inserts.length; i += CHUNK) {
      const created = await insertCompanies(tx, inserts.slice(i, i + CHUNK));
      await insertAuditLogs(
        tx,
        created.map((company) =>
          audit({
            action: 'company.imported',
            entityType: 'company',
            entityId: company.id,
            changes: { after: { ...company, importId: importRow.id } },
          }),
        ),
      );
    }
    let updatedCount = 0;
    for (const { id, values } of updates) {
      const { before, after, changed } = await updateCompany(tx, id, values);
      if (!changed) {
        skippedCount += 1;
        continue;
      }
      updatedCount += 1;
      await insertAuditLog(
        tx,
        audit({
          action: 'company.updated',
          entityType: 'company',
          entityId: after.id,
          changes: changedFields(before, after),
        }),
      );
    }
    return { createdCount: inserts.length, updatedCount, skippedCount, rejected: [] };
  },
};
