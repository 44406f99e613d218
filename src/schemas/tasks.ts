import { z } from 'zod';
import { booleanParam, cursor, page, pageLimit, timeInput, timestamp, uuid } from './common';

export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** The kinds of record a task can be about. */
export const TASK_RELATED_TYPES = ['customer', 'company', 'deal', 'order'] as const;
export type TaskRelatedType = (typeof TASK_RELATED_TYPES)[number];

/** Which open tasks a list shows by their due time, in the caller's time zone. */
export const TASK_DUE_WINDOWS = ['overdue', 'today', 'upcoming'] as const;
export type TaskDueWindow = (typeof TASK_DUE_WINDOWS)[number];

export const MAX_TASK_TITLE_LENGTH = 200;
export const MAX_TASK_NOTES_LENGTH = 10_000;

const title = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(MAX_TASK_TITLE_LENGTH, `must be at most ${MAX_TASK_TITLE_LENGTH} characters`);

const notes = z
  .string()
  .max(
    MAX_TASK_NOTES_LENGTH,
    `must be at most ${MAX_TASK_NOTES_LENGTH.toLocaleString('en')} characters`,
  );

const priority = z.enum(TASK_PRIORITIES, { error: 'must be one of low, normal, high' });

export const taskRelated = z
  .strictObject({
    type: z.enum(TASK_RELATED_TYPES, { error: 'must be one of customer, company, deal, order' }),
    id: uuid(),
  })
  .meta({ id: 'TaskRelated', description: 'The record the task is about.' });
export type TaskRelated = z.infer<typeof taskRelated>;

const version = z.number().int().min(1);

/** An IANA time zone (`Europe/Lisbon`), as browsers report it. */
export const timeZone = () =>
  z
    .string()
    .max(64)
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Lisbon')
    .meta({ example: 'Europe/Lisbon' });

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const taskCreateInput = z
  .strictObject({
    title,
    notes: notes.default(''),
    dueAt: timeInput().nullable().optional().meta({ description: 'When it is due.' }),
    assigneeId: uuid()
      .nullable()
      .optional()
      .meta({ description: 'A member; defaults to the person creating it (none for an API key).' }),
    priority: priority.default('normal'),
    related: taskRelated.nullable().optional(),
  })
  .meta({
    id: 'TaskCreate',
    example: {
      title: 'Send the revised quote',
      dueAt: '2027-01-15T09:00:00.000Z',
      priority: 'high',
      related: { type: 'deal', id: '7d1f3b5a-9c2e-4a6b-8d0f-1e3c5a7b9d2f' },
    },
  });
export type TaskCreateInput = z.input<typeof taskCreateInput>;
export type TaskCreateValues = z.output<typeof taskCreateInput>;

export const taskUpdateInput = z
  .strictObject({
    id: uuid(),
    expectedVersion: version.optional().meta({
      description: 'The `version` you read; a newer one means someone else changed the task (409).',
    }),
    title: title.optional(),
    notes: notes.optional(),
    dueAt: timeInput().nullable().optional(),
    assigneeId: uuid().nullable().optional(),
    priority: priority.optional(),
    related: taskRelated.nullable().optional(),
  })
  .meta({ id: 'TaskUpdate' });
export type TaskUpdateInput = z.input<typeof taskUpdateInput>;
export type TaskUpdateValues = Omit<z.output<typeof taskUpdateInput>, 'id' | 'expectedVersion'>;

export const taskCompleteInput = z
  .strictObject({
    id: uuid(),
    completed: z.boolean().default(true).meta({ description: 'False reopens a completed task.' }),
  })
  .meta({ id: 'TaskComplete' });

export const taskOutput = z
  .object({
    id: uuid(),
    title: z.string().max(MAX_TASK_TITLE_LENGTH),
    notes: z.string().max(MAX_TASK_NOTES_LENGTH),
    dueAt: timestamp().nullable(),
    assigneeId: uuid().nullable(),
    priority: z.enum(TASK_PRIORITIES),
    related: taskRelated.nullable(),
    completedAt: timestamp().nullable(),
    completedById: uuid().nullable(),
    createdById: uuid().nullable(),
    version,
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({
    id: 'Task',
    example: {
      id: '5b7d9f1a-3c5e-4a7b-9d1f-3a5c7e9b1d3f',
      title: 'Send the revised quote',
      notes: '',
      dueAt: '2027-01-15T09:00:00.000Z',
      assigneeId: 'c4a1e7d2-5b3f-4e8a-9d6c-0f2b4a6c8e1d',
      priority: 'high',
      related: { type: 'deal', id: '7d1f3b5a-9c2e-4a6b-8d0f-1e3c5a7b9d2f' },
      completedAt: null,
      completedById: null,
      createdById: 'c4a1e7d2-5b3f-4e8a-9d6c-0f2b4a6c8e1d',
      version: 1,
      createdAt: '2026-12-01T14:31:07.204Z',
      updatedAt: '2026-12-01T14:31:07.204Z',
    },
  });
export type Task = z.infer<typeof taskOutput>;

export const taskListInput = z.object({
  limit: pageLimit(),
  cursor: cursor(),
  assigneeId: uuid().optional().meta({ description: 'Only tasks assigned to this member.' }),
  due: z
    .enum(TASK_DUE_WINDOWS, { error: 'must be one of overdue, today, upcoming' })
    .optional()
    .meta({
      description:
        'Only open tasks due before now (`overdue`), later today (`today`), or after today ' +
        '(`upcoming`, with those without a due time), in `timeZone`.',
    }),
  timeZone: timeZone()
    .default('UTC')
    .meta({ description: 'The time zone whose day `due=today` means.' }),
  completed: booleanParam()
    .optional()
    .meta({ description: 'Only completed (true) or open (false) tasks.' }),
  relatedType: z.enum(TASK_RELATED_TYPES).optional().meta({
    description: 'Only tasks about this kind of record.',
  }),
  relatedId: uuid().optional().meta({ description: 'Only tasks about this record.' }),
  updatedSince: timeInput()
    .optional()
    .meta({ description: 'Only tasks changed at or after this time.' }),
});
export type TaskListInput = z.input<typeof taskListInput>;
export type TaskListParams = z.output<typeof taskListInput>;

export const taskPage = page(taskOutput);

export const taskCountsInput = z.object({
  assigneeId: uuid().optional().meta({ description: 'Whose open tasks; defaults to yours.' }),
  timeZone: timeZone().default('UTC'),
});

export const taskCountsOutput = z.object({
  overdue: z.number().int().min(0),
  today: z.number().int().min(0),
  upcoming: z.number().int().min(0),
});
export type TaskCounts = z.infer<typeof taskCountsOutput>;
