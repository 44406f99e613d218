import { organizationWithTwin } from '@/schemas/sandbox';
import { findOrganizationWithTwin } from '@/server/domain/sandbox/twins';
import { organizationStreamProcedure } from '../../trpc';

/** Whether the caller's organization is a sandbox, and its twin. */
export const get = organizationStreamProcedure
  .meta({
    permission: 'members:read',
    openapi: {
      method: 'GET',
      path: '/sandbox',
      tags: ['Sandbox'],
      summary: 'Get the sandbox',
      description:
        'Whether the organization of the key is a sandbox. In a sandbox, names the live ' +
        'organization it is the twin of; in a live organization, its sandbox if it has one.',
      protect: true,
    },
  })
  .output(organizationWithTwin)
  .query(({ ctx }) => findOrganizationWithTwin(ctx.db, ctx.organization.id));
