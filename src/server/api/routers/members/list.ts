import { memberListInput, memberPage } from '@/schemas/members';
import { listMembers } from '@/server/db/repositories/members';
import { organizationProcedure } from '../../trpc';

export const list = organizationProcedure
  .meta({
    permission: 'members:read',
    openapi: {
      method: 'GET',
      path: '/members',
      tags: ['Organization'],
      summary: 'List members',
      description:
        'The people in your organization and their roles, all on one page (`nextCursor` is always null).',
      protect: true,
    },
  })
  .input(memberListInput)
  .output(memberPage)
  .query(async ({ ctx }) => ({ items: await listMembers(ctx.tx), nextCursor: null }));
