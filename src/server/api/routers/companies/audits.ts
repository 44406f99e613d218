import type { Company } from '@/schemas/companies';
import { changedFields } from '@/server/domain/audit/changed-fields';

/** The audit entry and public `company.created` event of a new company. */
export const companyCreatedAudit = (company: Company) =>
  ({
    action: 'company.created',
    entityType: 'company',
    entityId: company.id,
    changes: { after: company },
    publish: { data: company },
  }) as const;

/** The audit entry (with what changed) and the public `company.updated` event of an update. */
export const companyUpdatedAudit = (before: Company, after: Company) =>
  ({
    action: 'company.updated',
    entityType: 'company',
    entityId: after.id,
    changes: changedFields(before, after),
    publish: { data: after },
  }) as const;

/** The audit entry (and its public `company.deleted` tombstone) of a soft delete. */
export const companyDeletedAudit = (company: Company) =>
  ({
    action: 'company.deleted',
    entityType: 'company',
    entityId: company.id,
    publish: { data: { id: company.id, deletedAt: company.updatedAt } },
  }) as const;
