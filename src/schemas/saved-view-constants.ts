/** Limits of saved views that pages need without the schemas (and zod) that check them. */
export const MAX_VIEW_NAME_LENGTH = 60;
