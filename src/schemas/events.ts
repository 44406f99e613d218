import { z } from 'zod';
import { companyMergedEvent, companyOutput } from './companies';
import { customerOutput } from './customers';
import { dealOutput } from './deals';
import { cursor, page, pageLimit, timestamp, uuid } from './common';
import { MAX_IMPORT_FILENAME_LENGTH } from './imports';
import { interactionOutput } from './interactions';
import { orderOutput, orderStatus } from './orders';
import { taskOutput } from './tasks';

/** What an erased customer's events carry once their personal data is gone. */
export const erasedRecord = z.object({ id: uuid(), erased: z.literal(true) }).meta({
  id: 'ErasedRecord',
  description: 'Stands in for a record whose personal data was erased (GDPR).',
});

const deletedCustomer = z
  .object({ id: uuid(), deletedAt: timestamp() })
  .meta({ id: 'DeletedCustomer', description: 'A tombstone: the customer was deleted.' });

const deletedInteraction = z
  .object({ id: uuid(), customerId: uuid() })
  .meta({ id: 'DeletedInteraction', description: 'A tombstone: the interaction was deleted.' });

const orderStatusChange = orderOutput.extend({ previousStatus: orderStatus }).meta({
  id: 'OrderWithPreviousStatus',
  description: 'The order after the change, and its status before.',
});

const deletedCompany = z
  .object({ id: uuid(), deletedAt: timestamp() })
  .meta({ id: 'DeletedCompany', description: 'A tombstone: the company was deleted.' });

const deletedDeal = z
  .object({ id: uuid(), deletedAt: timestamp() })
  .meta({ id: 'DeletedDeal', description: 'A tombstone: the deal was deleted.' });

const dealStageChange = dealOutput.extend({ previousStageId: uuid() }).meta({
  id: 'DealWithPreviousStage',
  description: 'The deal after the move, and the stage it left.',
});

const deletedTask = z
  .object({ id: uuid() })
  .meta({ id: 'DeletedTask', description: 'A tombstone: the task was deleted.' });

const rowCount = z.number().int().min(0);

const completedImport = z
  .object({
    id: uuid(),
    filename: z.string().max(MAX_IMPORT_FILENAME_LENGTH),
    createdCount: rowCount,
    updatedCount: rowCount,
    skippedCount: rowCount,
    errorCount: rowCount,
  })
  .meta({
    id: 'CompletedImport',
    description:
      'A CSV import finished. It sends no event per record: read the records changed since it ' +
      'started with `updatedSince`.',
  });

/** Every event type, with the shape of its `data`. */
export const EVENT_DATA = {
  'customer.created': z.union([customerOutput, erasedRecord]),
  'customer.updated': z.union([customerOutput, erasedRecord]),
  'customer.deleted': z.union([deletedCustomer, erasedRecord]),
  'customer.restored': z.union([customerOutput, erasedRecord]),
  'customer.erased': z.object({ id: uuid() }),
  'interaction.created': z.union([interactionOutput, erasedRecord]),
  'interaction.updated': z.union([interactionOutput, erasedRecord]),
  'interaction.deleted': z.union([deletedInteraction, erasedRecord]),
  'order.created': orderOutput,
  'order.lines_changed': orderOutput,
  'order.status_changed': orderStatusChange,
  'customer_import.completed': completedImport,
  'company_import.completed': completedImport,
  'deal_import.completed': completedImport,
  'company.created': companyOutput,
  'company.updated': companyOutput,
  'company.deleted': deletedCompany,
  'company.restored': companyOutput,
  'company.merged': companyMergedEvent,
  'deal.created': dealOutput,
  'deal.updated': dealOutput,
  'deal.deleted': deletedDeal,
  'deal.restored': dealOutput,
  'deal.stage_changed': dealStageChange,
  'deal.won': dealOutput,
  'deal.lost': dealOutput,
  'task.created': taskOutput,
  'task.updated': taskOutput,
  'task.completed': taskOutput,
  'task.reopened': taskOutput,
  'task.deleted': deletedTask,
} as const;

export type EventType = keyof typeof EVENT_DATA;
export const EVENT_TYPES = Object.keys(EVENT_DATA) as [EventType, ...EventType[]];
export const eventType = z.enum(EVENT_TYPES, { error: 'must be a known event type' });

export const EVENT_DESCRIPTIONS: Record<EventType, string> = {
  'customer.created': 'A customer was created.',
  'customer.updated': 'A customer was changed.',
  'customer.deleted': 'A customer was deleted (it can be restored).',
  'customer.restored': 'A deleted customer was restored.',
  'customer.erased': 'A customer and their personal data were erased for good.',
  'interaction.created': 'A note, call, e-mail or meeting was added to a timeline.',
  'interaction.updated': 'A timeline entry was changed.',
  'interaction.deleted': 'A timeline entry was deleted.',
  'order.created': 'An order was created.',
  'order.lines_changed': 'The lines of an order were changed.',
  'order.status_changed': 'An order moved to another status.',
  'customer_import.completed': 'A CSV import of customers finished.',
  'company_import.completed': 'A CSV import of companies finished.',
  'deal_import.completed': 'A CSV import of deals finished.',
  'company.created': 'A company was created.',
  'company.updated': 'A company was changed (a new name is also written into its people).',
  'company.deleted': 'A company was deleted (it can be restored).',
  'company.restored': 'A deleted company was restored.',
  'company.merged':
    'A company was merged into another: its people and deals moved to `company`, and it was deleted.',
  'deal.created': 'A deal was created.',
  'deal.updated': 'A deal was changed (its stage changes send `deal.stage_changed`).',
  'deal.deleted': 'A deal was deleted (it can be restored).',
  'deal.restored': 'A deleted deal was restored.',
  'deal.stage_changed': 'A deal moved to another stage of its pipeline.',
  'deal.won': 'A deal was won: it moved into a won stage.',
  'deal.lost': 'A deal was lost: it moved into a lost stage.',
  'task.created': 'A task was created.',
  'task.updated': 'A task was changed (completing it sends `task.completed`).',
  'task.completed': 'A task was completed.',
  'task.reopened': 'A completed task was opened again.',
  'task.deleted': 'A task was deleted.',
};

/** `customer.created` → `CustomerCreatedEvent`, the event's schema in the OpenAPI document. */
export const eventSchemaName = (type: string) =>
  `${type
    .split(/[._]/)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('')}Event`;

const envelope = <T extends EventType>(type: T) =>
  z
    .object({
      id: uuid().meta({ description: 'Unique per event; the `webhook-id` of its deliveries.' }),
      type: z.literal(type),
      timestamp: timestamp().meta({ description: 'When the change was made.' }),
      data: EVENT_DATA[type],
    })
    .meta({ id: eventSchemaName(type), description: EVENT_DESCRIPTIONS[type] });

/**
 * A change in an organization, as webhooks deliver it and the change feed lists it. The
 * envelope follows the Standard Webhooks convention: `type`, `timestamp`, `data`.
 */
type Envelope = { [T in EventType]: ReturnType<typeof envelope<T>> }[EventType];

export const eventOutput = z
  .discriminatedUnion('type', EVENT_TYPES.map(envelope) as [Envelope, ...Envelope[]])
  .meta({ id: 'Event' });
export type Event = z.infer<typeof eventOutput>;

export const eventListInput = z.object({
  limit: pageLimit(100),
  cursor: cursor(),
  after: uuid()
    .optional()
    .meta({ description: 'Only events after this one (the id of the last event you processed).' }),
  type: z
    .array(eventType)
    .max(EVENT_TYPES.length)
    .optional()
    .meta({ description: 'Only events of these types (repeat the parameter for several).' }),
});
export type EventListParams = z.output<typeof eventListInput>;

/** Where a change stream resumes: the id of the last event the client received. */
export const changeStreamInput = z
  .object({ lastEventId: z.string().regex(/^\d+$/).nullish() })
  .optional();

export const eventPage = page(eventOutput);
