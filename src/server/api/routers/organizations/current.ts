import { organizationSummary } from '@/schemas/common';
import { getCurrentOrganization } from '@/server/db/repositories/organizations';
import { orNotFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

export const current = organizationProcedure
  .meta({ permission: 'members:read' })
  .output(organizationSummary)
  .query(async ({ ctx }) => {
    const organization = orNotFound(await getCurrentOrganization(ctx.tx), 'Organization');
    return { id: organization.id, name: organization.name, slug: organization.slug };
  });
