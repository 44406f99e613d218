import type { Task, TaskCreateValues, TaskRelated, TaskUpdateValues } from '@/schemas/tasks';
import { can, type Role } from '@/schemas/permissions';
import { changesTo, isEmpty } from '@/server/db/repositories/changes';
import { getCompany } from '@/server/db/repositories/companies';
import { getCustomer } from '@/server/db/repositories/customers';
import { getDeal } from '@/server/db/repositories/deals';
import { assertMember } from '@/server/db/repositories/members';
import { getOrder } from '@/server/db/repositories/orders';
import {
  deleteTask,
  getTask,
  insertTask,
  relatedColumns,
  writeTask,
  type StoredTask,
} from '@/server/db/repositories/tasks';
import { staleVersion } from '@/server/db/repositories/versions';
import type { TenantTx } from '@/server/db/types';
import { AppError, notFound } from '@/server/errors';
import { assertMentionsAreMembers } from '../notifications/mentions';

/** Who acts on a task: a person or an API key, with the role they act in. */
export interface TaskActor {
  userId: string | null;
  apiKeyId: string | null;
  role: Role;
}

/**
 * Its creator and its assignee may change a task; so may the API key that created it, and
 * anyone who manages the team's tasks.
 */
function assertMayChange(actor: TaskActor, task: StoredTask) {
  const mine =
    actor.userId !== null &&
    (actor.userId === task.createdById || actor.userId === task.assigneeId);
  const keys = actor.apiKeyId !== null && actor.apiKeyId === task.createdByApiKeyId;
  if (!mine && !keys && !can(actor.role, 'tasks:manage')) {
    throw new AppError(
      'FORBIDDEN',
      'Only its creator, its assignee or a manager can change this task',
    );
  }
}

const RELATED_READERS = {
  customer: { name: 'Customer', read: getCustomer },
  company: { name: 'Company', read: getCompany },
  deal: { name: 'Deal', read: getDeal },
  order: { name: 'Order', read: getOrder },
} as const;

/** Not found (naming the field) unless the record is a live one of the organization. */
async function assertRelatedExists(tx: TenantTx, related: TaskRelated) {
  const { name, read } = RELATED_READERS[related.type];
  if (!(await read(tx, related.id))) {
    throw new AppError('NOT_FOUND', `${name} not found`, {
      issues: [
        { path: ['related', 'id'], message: `is not a ${related.type} of this organization` },
      ],
    });
  }
}

async function lockedTask(tx: TenantTx, id: string, expectedVersion?: number) {
  const task = await getTask(tx, id, true);
  if (!task) throw notFound('Task');
  if (expectedVersion !== undefined && task.version !== expectedVersion) {
    throw staleVersion(task.version);
  }
  return task;
}

const publicTask = ({ createdByApiKeyId: _key, ...task }: StoredTask): Task => task;

/** A new task, assigned to the person creating it unless the input names someone (or no one). */
export async function createTask(
  tx: TenantTx,
  actor: TaskActor,
  input: TaskCreateValues,
): Promise<Task> {
  const assigneeId = input.assigneeId === undefined ? actor.userId : input.assigneeId;
  if (assigneeId) await assertMember(tx, assigneeId, 'assigneeId');
  const related = input.related ?? null;
  if (related) await assertRelatedExists(tx, related);
  await assertMentionsAreMembers(tx, { notes: input.notes });
  const id = await insertTask(tx, {
    title: input.title,
    notes: input.notes,
    dueAt: input.dueAt ?? null,
    assigneeId,
    priority: input.priority,
    ...relatedColumns(related),
    createdById: actor.userId,
    createdByApiKeyId: actor.apiKeyId,
  });
  return publicTask((await getTask(tx, id))!);
}

/**
 * Applies the fields given (and only those). Fields already at the given values are left
 * alone; when all are, nothing is written and `changed` is false.
 */
export async function updateTask(
  tx: TenantTx,
  actor: TaskActor,
  id: string,
  values: TaskUpdateValues,
  expectedVersion?: number,
) {
  const stored = await lockedTask(tx, id, expectedVersion);
  assertMayChange(actor, stored);
  const before = publicTask(stored);
  const changes = changesTo(before, values);
  if (isEmpty(changes)) return { before, after: before, changed: false };
  if (changes.assigneeId) await assertMember(tx, changes.assigneeId, 'assigneeId');
  if (changes.related) await assertRelatedExists(tx, changes.related);
  await assertMentionsAreMembers(tx, { notes: changes.notes }, [before.notes]);
  const { related, ...columns } = changes;
  await writeTask(tx, id, {
    ...columns,
    ...(related !== undefined ? relatedColumns(related) : {}),
  });
  const after = publicTask((await getTask(tx, id))!);
  return { before, after, changed: true };
}

/** Completes a task (or reopens it); one already so is left as it is. */
export async function completeTask(tx: TenantTx, actor: TaskActor, id: string, completed: boolean) {
  const stored = await lockedTask(tx, id);
  assertMayChange(actor, stored);
  const before = publicTask(stored);
  if ((before.completedAt !== null) === completed) return { before, after: before, changed: false };
  await writeTask(tx, id, {
    completedAt: completed ? new Date() : null,
    completedById: completed ? actor.userId : null,
  });
  const after = publicTask((await getTask(tx, id))!);
  return { before, after, changed: true };
}

export async function removeTask(tx: TenantTx, actor: TaskActor, id: string): Promise<Task> {
  const stored = await lockedTask(tx, id);
  assertMayChange(actor, stored);
  await deleteTask(tx, id);
  return publicTask(stored);
}
