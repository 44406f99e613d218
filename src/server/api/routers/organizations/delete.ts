import { TRPCError } from '@trpc/server';
import { okOutput } from '@/schemas/common';
import { deleteOrganizationInput } from '@/schemas/organizations';
import { assertRecentlyReauthenticated } from '@/server/domain/accounts/sign-in';
import { deleteOrganization } from '@/server/domain/organizations/organizations';
import { organizationProcedure } from '../../trpc';

/** Deletes the organization and all its data; the owner confirms their password, then types the slug. */
export const remove = organizationProcedure
  .meta({ permission: 'org:delete' })
  .input(deleteOrganizationInput)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    if (ctx.principal.kind !== 'user')
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'Only a person can delete an organization',
      });
    assertRecentlyReauthenticated(ctx.principal);
    const deleted = await deleteOrganization(ctx.tx, { slug: input.slug });
    await ctx.audit({
      scope: 'account',
      action: 'organization.deleted',
      entityType: 'organization',
      entityId: deleted.id,
      changes: { before: { name: deleted.name, slug: deleted.slug } },
    });
    return { ok: true as const };
  });
