import { z } from 'zod';
import { uuid } from './common';

/** Items one bulk upsert takes, and the request body that many may need (see the REST door). */
export const MAX_UPSERT_ITEMS = 1000;
export const MAX_UPSERT_BODY_BYTES = 5_000_000;

export const UPSERT_STATUSES = ['created', 'updated', 'unchanged'] as const;
export type UpsertStatus = (typeof UPSERT_STATUSES)[number];

/**
 * A list of 1 to 1,000 items, refused (naming both rows) when two share a key: which of them
 * should win is the caller's to say.
 */
export function upsertItems<T extends z.ZodType>(
  item: T,
  key: { field: string; of: (item: z.output<T>) => string | null | undefined; noun: string },
) {
  return z
    .array(item)
    .min(1, 'send at least one item')
    .max(MAX_UPSERT_ITEMS, `at most ${MAX_UPSERT_ITEMS} items at once`)
    .superRefine((items, ctx) => {
      const first = new Map<string, number>();
      items.forEach((value, index) => {
        const k = key.of(value);
        if (!k) return;
        const earlier = first.get(k);
        if (earlier === undefined) first.set(k, index);
        else {
          ctx.addIssue({
            code: 'custom',
            path: [index, key.field],
            message: `is the ${key.noun} of item ${earlier} too; send each record once`,
          });
        }
      });
    });
}

export const upsertResult = z
  .object({
    items: z
      .array(
        z.object({
          index: z
            .number()
            .int()
            .min(0)
            .max(MAX_UPSERT_ITEMS - 1)
            .meta({ description: 'The position of the item in the request.' }),
          status: z.enum(UPSERT_STATUSES).meta({
            description:
              '`created`, `updated`, or `unchanged` when the record already had every value sent.',
          }),
          id: uuid(),
        }),
      )
      .max(MAX_UPSERT_ITEMS),
  })
  .meta({ id: 'BulkUpsertResult' });
export type UpsertResult = z.infer<typeof upsertResult>;
