import { z } from 'zod';
import { cursor, page, pageLimit, timestamp, uuid } from './common';
import { ACTOR_TYPES } from './audit';

/** The records that have a timeline. */
export const TIMELINE_RECORD_TYPES = ['customer', 'company', 'deal'] as const;
export type TimelineRecordType = (typeof TIMELINE_RECORD_TYPES)[number];

/** What a timeline entry can be: an interaction of one of four kinds, or another record's life. */
export const TIMELINE_ENTRY_TYPES = [
  'note',
  'call',
  'email',
  'meeting',
  'order',
  'deal',
  'task',
  'change',
] as const;
export type TimelineEntryType = (typeof TIMELINE_ENTRY_TYPES)[number];
export const timelineEntryType = z.enum(TIMELINE_ENTRY_TYPES);

/** The record an entry is about: the interaction, order, deal or task, or the record changed. */
export const TIMELINE_SUBJECT_TYPES = [
  'interaction',
  'order',
  'deal',
  'task',
  'customer',
  'company',
] as const;

const MAX_TITLE_LENGTH = 300;
const MAX_DETAIL_LENGTH = 20_000;
// A customer's name is a first and a last name of up to 100 characters each, and a space.
const MAX_NAME_LENGTH = 201;

export const timelineListInput = z.object({
  recordType: z.enum(TIMELINE_RECORD_TYPES),
  recordId: uuid(),
  /** Only entries of these types; every type when empty or absent. */
  types: z.array(timelineEntryType).max(TIMELINE_ENTRY_TYPES.length).default([]),
  cursor: cursor(),
  limit: pageLimit(20),
});
export type TimelineListParams = z.output<typeof timelineListInput>;

export const timelineEntryOutput = z.object({
  id: uuid(),
  type: timelineEntryType,
  at: timestamp(),
  actorType: z.enum(ACTOR_TYPES).nullable(),
  /** Null when the actor is unknown or no longer a member. */
  actorName: z.string().max(MAX_NAME_LENGTH).nullable(),
  /** For an interaction, the member who wrote it (who may change it). */
  authorId: uuid().nullable(),
  subject: z.object({
    type: z.enum(TIMELINE_SUBJECT_TYPES),
    id: uuid(),
    title: z.string().max(MAX_TITLE_LENGTH),
  }),
  /** An interaction's content, a task's notes, a deal's stage. */
  detail: z.string().max(MAX_DETAIL_LENGTH),
  /** An order's or deal's status, or whether a task is open or done. */
  status: z.string().max(50).nullable(),
  amountCents: z.number().int().nullable(),
  currency: z.string().max(3).nullable(),
  dueAt: timestamp().nullable(),
  /** The customer an entry on a company's or deal's timeline is with, when there is one. */
  customer: z.object({ id: uuid(), name: z.string().max(MAX_NAME_LENGTH) }).nullable(),
  /** The fields a change touched, with their values before and after. */
  changes: z.array(
    z.object({ field: z.string().max(100), before: z.unknown(), after: z.unknown() }),
  ),
});
export type TimelineEntry = z.infer<typeof timelineEntryOutput>;

export const timelinePage = page(timelineEntryOutput);
