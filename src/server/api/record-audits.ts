import type { Company } from '@/schemas/companies';
import type { Customer } from '@/schemas/customers';
import type { Deal } from '@/schemas/deals';
import type { Task } from '@/schemas/tasks';
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

const taskEntry = (
  action: `task.${'created' | 'updated' | 'completed' | 'reopened' | 'deleted'}`,
  task: Task,
  data: object,
  changes: AuditChanges,
) => ({ action, entityType: 'task', entityId: task.id, changes, publish: { data } }) as const;

/** Tasks are deleted for good (the event carries only the id), and completed or reopened. */
export const taskAudits = {
  created: (task: Task) => taskEntry('task.created', task, task, { after: task }),
  updated: (before: Task, after: Task) =>
    taskEntry('task.updated', after, after, changedFields(before, after)),
  completed: (before: Task, after: Task) =>
    taskEntry(
      after.completedAt ? 'task.completed' : 'task.reopened',
      after,
      after,
      changedFields(before, after),
    ),
  deleted: (task: Task) => taskEntry('task.deleted', task, { id: task.id }, { before: task }),
};
