import { insertAuditLog } from '@/server/db/repositories/audit-logs';
import { companyLinkFor, type CompanyLink } from '../companies/link';
import type { ImportContext } from './import-rules';

/**
 * Links company names to the organization's companies, as a form does (ignoring case), for the
 * rows of one import: each name is looked up once, and a missing company is created once and
 * audited as created by this import.
 */
export function companyLinker({ tx, importRow, audit }: ImportContext) {
  const links = new Map<string, CompanyLink | undefined>();
  return async (company: string | null): Promise<CompanyLink | undefined> => {
    const key = company?.trim().toLowerCase() ?? '';
    if (!links.has(key)) {
      const { link, created } = await companyLinkFor(tx, { company });
      links.set(key, link);
      if (created) {
        await insertAuditLog(
          tx,
          audit({
            action: 'company.created',
            entityType: 'company',
            entityId: created.id,
            changes: { after: { ...created, importId: importRow.id } },
          }),
        );
      }
    }
    return links.get(key);
  };
}
