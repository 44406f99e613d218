import { MAX_TAGS, type BulkCustomerChange } from '@/schemas/customers';
import { AppError } from '@/server/errors';

/**
 * What a bulk change does to one record (a customer or a company): the fields to update, or
 * null when the record is already as asked. A tag that would take a record past the limit fails
 * the whole change.
 */
export function bulkChangeFor(
  record: { tags: string[]; ownerId: string | null },
  change: BulkCustomerChange,
  noun = 'customer',
): { tags: string[] } | { ownerId: string | null } | null {
  switch (change.type) {
    case 'addTag': {
      if (record.tags.includes(change.tag)) return null;
      if (record.tags.length >= MAX_TAGS) {
        throw new AppError('BAD_REQUEST', `A ${noun} already has ${MAX_TAGS} tags`, {
          issues: [{ path: ['change', 'tag'], message: `a ${noun} already has ${MAX_TAGS} tags` }],
        });
      }
      return { tags: [...record.tags, change.tag] };
    }
    case 'removeTag':
      return record.tags.includes(change.tag)
        ? { tags: record.tags.filter((tag) => tag !== change.tag) }
        : null;
    case 'assignOwner':
      return record.ownerId === change.ownerId ? null : { ownerId: change.ownerId };
  }
}
