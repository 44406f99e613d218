import { z } from 'zod';

// In the browser, whose Content-Security-Policy forbids eval, zod would probe for it (to compile
// fast parsers) and the page would report a violation; parse without compiling there instead.
if (typeof window !== 'undefined') z.config({ jitless: true });

/** The longest time text taken or sent: RFC 3339 with fractions of a second and an offset fits. */
export const MAX_TIME_LENGTH = 40;

const TIME_TEXT = { type: 'string', format: 'date-time', maxLength: MAX_TIME_LENGTH } as const;

/** A timestamp: a Date in TypeScript, an RFC 3339 string on the wire (REST) and in the document. */
export const timestamp = () => z.date().meta({ override: TIME_TEXT });

const TOO_LONG_FOR_A_TIME = `must be an ISO 8601 date-time (at most ${MAX_TIME_LENGTH} characters)`;

/**
 * A time given by a client: ISO 8601 text (REST query strings and bodies) or a Date (tRPC). On
 * the wire it is only ever text, which is all the document shows.
 */
export const timeInput = () =>
  z
    .union([z.date(), z.string().max(MAX_TIME_LENGTH, TOO_LONG_FOR_A_TIME)], {
      error: 'must be an ISO 8601 date-time',
    })
    .pipe(z.coerce.date({ error: 'must be an ISO 8601 date-time' }))
    .meta({
      override: ({ jsonSchema }) => {
        delete jsonSchema.anyOf;
        Object.assign(jsonSchema, TIME_TEXT);
      },
    });

/** `true`/`false` in a query string, a boolean from typed clients. */
export const booleanParam = () =>
  z
    .union([z.boolean(), z.enum(['true', 'false'])], { error: 'must be true or false' })
    .transform((value) => value === true || value === 'true')
    .meta({
      override: ({ jsonSchema }) => {
        delete jsonSchema.anyOf;
        jsonSchema.type = 'boolean';
      },
    });

/** A UUID; its format fixes the length, which the document states for clients that check it. */
export const uuid = () => z.uuid({ error: 'must be a UUID' }).meta({ maxLength: 36 });

export const MAX_PAGE_LIMIT = 100;

export const pageLimit = (defaultLimit = 25) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_PAGE_LIMIT, `must be at most ${MAX_PAGE_LIMIT}`)
    .default(defaultLimit)
    .meta({ description: `Page size, 1 to ${MAX_PAGE_LIMIT}.` });

/**
 * Cursors carry the last row's sort value (a name of up to 201 characters, escaped and in
 * base64): this is room for the longest one a list makes.
 */
export const MAX_CURSOR_LENGTH = 2000;
/** Cursors are base64url. */
const CURSOR_PATTERN = /^[A-Za-z0-9_-]+$/;

export const cursor = () =>
  z
    .string()
    .max(MAX_CURSOR_LENGTH, 'is not a cursor returned by this list')
    .regex(CURSOR_PATTERN, 'is not a cursor returned by this list')
    .optional()
    .meta({ description: 'The `nextCursor` of the previous page.' });

export const sortOrder = () =>
  z.enum(['asc', 'desc']).default('desc').meta({ description: 'Sort direction.' });

/**
 * One page of a list. `maxItems` is the most a page can hold: the page limit, or null for the
 * few lists that answer everything at once.
 */
export const page = <T extends z.ZodType>(item: T, maxItems: number | null = MAX_PAGE_LIMIT) =>
  z.object({
    items: maxItems === null ? z.array(item) : z.array(item).max(maxItems),
    nextCursor: z
      .string()
      .max(MAX_CURSOR_LENGTH)
      .regex(CURSOR_PATTERN)
      .nullable()
      .meta({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
  });

export const idParam = z.object({ id: uuid() });
/** An id in the input of a procedure that only tRPC serves: nothing else may come with it. */
export const idInput = z.strictObject({ id: z.uuid() });

/** The input of a procedure that takes none, where REST clients may still send `{}`. */
export const emptyInput = z.object({});

export const MAX_NAME_LENGTH = 100;

/** A name as stored (a person, an organization, an API key). */
export const storedName = z.string().max(MAX_NAME_LENGTH);

/** Slugs are 1 to 40 lowercase letters, digits and dashes. */
const organizationSlug = z
  .string()
  .max(40)
  .regex(/^[a-z0-9-]+$/);

export const organizationSummary = z
  .object({ id: uuid(), slug: organizationSlug, name: storedName })
  .meta({ id: 'OrganizationSummary' });

/** The answer of a mutation that has nothing more to say than that it was done. */
export const okOutput = z.object({ ok: z.literal(true) });
