import { organizationSummary } from '@/schemas/common';
import { getCurrentOrganization } from '@/server/db/repositories/organizations';
import { notFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

export const current = organizationProcedure
  .meta({ permission: 'members:read' })
  .output(organizationSummary)
  .query(async ({ ctx }) => {
    const organization = await getCurrentOrganization(ctx.tx);
    if (!organization) throw notFound('Organization');
    return { id: organization.id, name: organization.name, slug: organization.slug };
  });
