import { organizationSummary } from '@/schemas/common';
import { renameOrganizationInput } from '@/schemas/organizations';
import { renameOrganization } from '@/server/domain/organizations/organizations';
import { organizationProcedure } from '../../trpc';

export const rename = organizationProcedure
  .meta({ permission: 'org:manage' })
  .input(renameOrganizationInput)
  .output(organizationSummary)
  .mutation(async ({ ctx, input }) => {
    const { before, after, changed } = await renameOrganization(ctx.tx, input.name);
    await ctx.auditChange(changed, {
      action: 'organization.renamed',
      entityType: 'organization',
      entityId: after.id,
      changes: { before: { name: before.name }, after: { name: after.name } },
    });
    return after;
  });
