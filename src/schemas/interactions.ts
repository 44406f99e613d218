import { z } from 'zod';
import { interactionCreateExample, interactionExample } from './examples';
import { cursor, page, pageLimit, timeInput, timestamp, uuid } from './common';

export const INTERACTION_TYPES = ['note', 'call', 'email', 'meeting'] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];
export const interactionType = z.enum(INTERACTION_TYPES);

const MAX_SUBJECT_LENGTH = 200;
const MAX_CONTENT_LENGTH = 20_000;
/** Authors are members (names of up to 100 characters). */
const MAX_AUTHOR_NAME_LENGTH = 100;

const content = z
  .string()
  .max(MAX_CONTENT_LENGTH, `must be at most ${MAX_CONTENT_LENGTH.toLocaleString('en')} characters`);

const fields = {
  type: interactionType,
  subject: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(MAX_SUBJECT_LENGTH, `must be at most ${MAX_SUBJECT_LENGTH} characters`),
  content: content.default(''),
  occurredAt: timeInput().optional().meta({ description: 'When it happened; defaults to now.' }),
};

export const interactionCreateInput = z
  .strictObject({ customerId: uuid(), ...fields })
  .meta({ id: 'InteractionCreate', example: interactionCreateExample });
export type InteractionCreateInput = z.input<typeof interactionCreateInput>;

/** An entry about a company as a whole, not one of its people. */
export const companyInteractionCreateInput = z
  .strictObject({ companyId: uuid(), ...fields })
  .meta({ id: 'CompanyInteractionCreate', example: interactionCreateExample });
export type CompanyInteractionCreateInput = z.input<typeof companyInteractionCreateInput>;

/** An entry about a deal: the call that moved it, the note on what the buyer asked. */
export const dealInteractionCreateInput = z
  .strictObject({ dealId: uuid(), ...fields })
  .meta({ id: 'DealInteractionCreate', example: interactionCreateExample });
export type DealInteractionCreateInput = z.input<typeof dealInteractionCreateInput>;

export const interactionUpdateInput = z
  .strictObject({
    id: uuid(),
    type: fields.type.optional(),
    subject: fields.subject.optional(),
    content: content.optional(),
    occurredAt: fields.occurredAt,
  })
  .meta({ id: 'InteractionUpdate' });

export const interactionOutput = z
  .object({
    id: uuid(),
    customerId: uuid().nullable().meta({
      description: 'The customer it is about; null for an entry about a company or a deal.',
    }),
    companyId: uuid().nullable().meta({
      description:
        'The company whose timeline shows it: the one it is about, or its live customer’s company.',
    }),
    dealId: uuid()
      .nullable()
      .meta({ description: "The deal it is about; such an entry is on the deal's timeline only." }),
    type: interactionType,
    subject: z.string().max(MAX_SUBJECT_LENGTH),
    content: z.string().max(MAX_CONTENT_LENGTH),
    occurredAt: timestamp(),
    authorId: uuid().nullable(),
    authorName: z.string().max(MAX_AUTHOR_NAME_LENGTH).nullable(),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'Interaction', example: interactionExample });
export type Interaction = z.infer<typeof interactionOutput>;

export const interactionListInput = z.object({
  customerId: uuid(),
  limit: pageLimit(20),
  cursor: cursor(),
  updatedSince: timeInput().optional(),
});
export type InteractionListParams = z.output<typeof interactionListInput>;

export const interactionPage = page(interactionOutput);

export const dealTimelineInput = z.object({ id: uuid(), limit: pageLimit(20), cursor: cursor() });
export type DealTimelineParams = z.output<typeof dealTimelineInput>;
