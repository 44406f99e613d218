import { z } from 'zod';
import { interactionCreateExample, interactionExample } from './examples';
import { cursor, page, pageLimit, timeInput, timestamp, uuid } from './common';

export const INTERACTION_TYPES = ['note', 'call', 'email', 'meeting'] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];
export const interactionType = z.enum(INTERACTION_TYPES);

const fields = {
  type: interactionType,
  subject: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  content: z.string().max(20_000, 'must be at most 20,000 characters').default(''),
  occurredAt: timeInput().optional().meta({ description: 'When it happened; defaults to now.' }),
};

export const interactionCreateInput = z
  .strictObject({ customerId: uuid(), ...fields })
  .meta({ id: 'InteractionCreate', example: interactionCreateExample });
export type InteractionCreateInput = z.input<typeof interactionCreateInput>;

export const interactionUpdateInput = z
  .strictObject({
    id: uuid(),
    type: fields.type.optional(),
    subject: fields.subject.optional(),
    content: z.string().max(20_000).optional(),
    occurredAt: fields.occurredAt,
  })
  .meta({ id: 'InteractionUpdate' });

export const interactionOutput = z
  .object({
    id: uuid(),
    customerId: uuid(),
    type: interactionType,
    subject: z.string(),
    content: z.string(),
    occurredAt: timestamp(),
    authorId: z.string().nullable(),
    authorName: z.string().nullable(),
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
