import type { Company } from '@/schemas/companies';
import type { Customer } from '@/schemas/customers';
import type { Deal } from '@/schemas/deals';
import type { AuditChanges } from '@/server/db/schema';
import { changedFields } from '@/server/domain/audit/changed-fields';

/**
 * The audit entries of a kind of record whose changes are public events named after it
 * (`deal.created`, `deal.updated`, `deal.deleted`, `deal.restored`). Each event carries the
 * record as it is after the change, a deletion only its id and time; with `customerIdOf`, each
 * also names the customer whose personal data it carries, so that erasing them scrubs it.
 */
function recordAudits<
  Type extends 'company' | 'customer' | 'deal',
  Row extends Company | Customer | Deal,
>(entityType: Type, customerIdOf?: (row: Row) => string) {
  const entry = (
    action: `${Type}.${'created' | 'updated' | 'deleted' | 'restored'}`,
    row: Row,
    data: object,
    changes?: AuditChanges,
  ) =>
    ({
      action,
      entityType,
      entityId: row.id,
      changes,
      publish: customerIdOf ? { data, customerId: customerIdOf(row) } : { data },
    }) as const;
  return {
    created: (row: Row) => entry(`${entityType}.created`, row, row, { after: row }),
    updated: (before: Row, after: Row) =>
      entry(`${entityType}.updated`, after, after, changedFields(before, after)),
    deleted: (row: Row) =>
      entry(`${entityType}.deleted`, row, { id: row.id, deletedAt: row.updatedAt }),
    restored: (row: Row) => entry(`${entityType}.restored`, row, row),
  };
}

export const companyAudits = recordAudits<'company', Company>('company');
export const customerAudits = recordAudits<'customer', Customer>('customer', (row) => row.id);
export const dealAudits = recordAudits<'deal', Deal>('deal');
