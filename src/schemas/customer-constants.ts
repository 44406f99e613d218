/**
 * The customer rules pages need without the schemas: kept apart from `customers.ts` so that a
 * list page does not load zod just to know the statuses.
 */
export const CUSTOMER_STATUSES = ['lead', 'active', 'inactive', 'churned'] as const;
export const CUSTOMER_SORTS = ['relevance', 'createdAt', 'updatedAt', 'name', 'company'] as const;
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;
export const MAX_METADATA_BYTES = 16_384;
export const MAX_METADATA_KEYS = 100;
export const MAX_METADATA_KEY_LENGTH = 100;
/** How many customers one bulk change may touch. */
export const MAX_BULK_CUSTOMERS = 100;

export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
