import { z } from 'zod';
import { can, RECORD_READ_PERMISSION } from '@/schemas/permissions';
import { SEARCH_KINDS, searchEverything } from '@/server/domain/search/everything';
import { organizationProcedure } from '../../trpc';

export const searchEverythingInput = z.strictObject({
  q: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  limit: z.number().int().min(1).max(50).default(20),
});

export const searchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.uuid(),
  title: z.string(),
  subtitle: z.string().nullable(),
  href: z.string(),
});
export type SearchHit = z.infer<typeof searchHit>;

/**
 * One search over every kind of record the caller's role may read, best matches first. Any
 * member may search (members:read); each kind is searched only where the role may read it.
 */
export const everything = organizationProcedure
  .meta({ permission: 'members:read' })
  .input(searchEverythingInput)
  .output(z.object({ items: z.array(searchHit) }))
  .query(async ({ ctx, input }) => {
    const kinds = new Set(
      SEARCH_KINDS.filter((kind) => can(ctx.organization.role, RECORD_READ_PERMISSION[kind])),
    );
    return { items: await searchEverything(ctx.tx, { ...input, kinds }) };
  });
