import {
  MAX_TAGS,
  type BulkCustomerChange,
  type Customer,
  type CustomerUpdateValues,
} from '@/schemas/customers';
import { AppError } from '@/server/errors';

/**
 * What a bulk change does to one customer: the fields to update, or null when the customer is
 * already as asked. A tag that would take a customer past the limit fails the whole change.
 */
export function bulkChangeFor(
  customer: Customer,
  change: BulkCustomerChange,
): CustomerUpdateValues | null {
  switch (change.type) {
    case 'addTag': {
      if (customer.tags.includes(change.tag)) return null;
      if (customer.tags.length >= MAX_TAGS) {
        throw new AppError('BAD_REQUEST', `A customer already has ${MAX_TAGS} tags`, {
          issues: [{ path: ['change', 'tag'], message: `a customer already has ${MAX_TAGS} tags` }],
        });
      }
      return { tags: [...customer.tags, change.tag] };
    }
    case 'removeTag':
      return customer.tags.includes(change.tag)
        ? { tags: customer.tags.filter((tag) => tag !== change.tag) }
        : null;
    case 'assignOwner':
      return customer.ownerId === change.ownerId ? null : { ownerId: change.ownerId };
  }
}
