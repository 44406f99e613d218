import { organizationSummary } from '@/schemas/common';
import { switchOrganizationInput } from '@/schemas/organizations';
import { switchOrganization } from '@/server/domain/organizations/organizations';
import { userProcedure } from '../../trpc';

export const switchTo = userProcedure
  .input(switchOrganizationInput)
  .output(organizationSummary)
  .mutation(async ({ ctx, input }) => {
    const organization = await switchOrganization(
      ctx.services,
      ctx.principal,
      input.organizationId,
    );
    return { id: organization.organizationId, name: organization.name, slug: organization.slug };
  });
