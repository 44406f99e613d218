import { z } from 'zod';

// In the browser, whose Content-Security-Policy forbids eval, zod would probe for it (to compile
// fast parsers) and the page would report a violation; parse without compiling there instead.
if (typeof window !== 'undefined') z.config({ jitless: true });

/** A timestamp: a Date in TypeScript, an RFC 3339 string on the wire (REST) and in the document. */
export const timestamp = () => z.date().meta({ override: { type: 'string', format: 'date-time' } });

/** A time given by a client: ISO 8601 text (REST query strings) or a Date (tRPC). */
export const timeInput = () =>
  z.coerce
    .date({ error: 'must be an ISO 8601 date-time' })
    .meta({ override: { type: 'string', format: 'date-time' } });

export const uuid = () => z.uuid({ error: 'must be a UUID' });

export const pageLimit = (defaultLimit = 25) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(defaultLimit)
    .meta({ description: 'Page size, 1 to 100.' });

export const cursor = () =>
  z.string().max(500).optional().meta({ description: 'The `nextCursor` of the previous page.' });

export const sortOrder = () =>
  z.enum(['asc', 'desc']).default('desc').meta({ description: 'Sort direction.' });

export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
  });

export const idParam = z.object({ id: uuid() });
