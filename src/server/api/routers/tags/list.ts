import { tagListOutput } from '@/schemas/tags';
import { listTags } from '@/server/db/repositories/tags';
import { organizationProcedure } from '../../trpc';

/** The tags in use on live customers and companies, for the tag boxes' suggestions. */
export const list = organizationProcedure
  .meta({ permission: 'customers:read' })
  .output(tagListOutput)
  .query(({ ctx }) => listTags(ctx.tx));
