import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '@/server/errors';

/** An If-Match or If-None-Match header: `*` (any current representation) or entity tags. */
export type EntityTags = '*' | string[];

/** The strong entity tag of a representation: a hash of the JSON sent for it. */
export function entityTagOf(json: string): string {
  return `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
}

/** The tags of an If-Match or If-None-Match header, weak ones (`W/"…"`) as written. */
export function entityTagsOf(header: string | null): EntityTags | undefined {
  if (header === null) return undefined;
  if (header.trim() === '*') return '*';
  return header.match(/(?:W\/)?"[^"]*"/g) ?? [];
}

/** Whether If-None-Match names the tag; compared weakly (`W/"x"` is the same as `"x"`). */
export function noneMatch(ifNoneMatch: EntityTags | undefined, etag: string): boolean {
  if (ifNoneMatch === '*') return true;
  return ifNoneMatch?.some((tag) => tag.replace(/^W\//, '') === etag) ?? false;
}

/**
 * Refuses (412) a change whose If-Match names none of the resource's current tag, compared
 * strongly as RFC 9110 asks. `current` is the resource as locked for the change and `output` the
 * schema it is read with, so its tag is the one a read of it gave. A missing resource is left to
 * the procedure's 404.
 */
export function assertIfMatch<S extends z.ZodType>(
  ifMatch: EntityTags | undefined,
  output: S,
  current: z.input<S> | undefined,
) {
  if (!ifMatch || ifMatch === '*' || current === undefined) return;
  if (ifMatch.includes(entityTagOf(JSON.stringify(output.parse(current))))) return;
  throw new AppError(
    'PRECONDITION_FAILED',
    'This changed since you read it (If-Match names an older version); read it again and retry',
  );
}
