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
/**
 * The most customers one request's search examines, newest first (or in the requested order)
 * from where its page starts. Words a search looks for inside names and addresses cannot use an
 * index under row security, so without a limit a rare term would read the whole organization;
 * with it, a request stops here and says so, and its cursor goes on from where it stopped.
 */
export const SEARCH_BUDGET = 10_000;

export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
