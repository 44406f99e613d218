import { TRPCError } from '@trpc/server';
import { okOutput } from '@/schemas/common';
import { transferOwnershipInput } from '@/schemas/organizations';
import { transferOwnership as transfer } from '@/server/domain/organizations/members';
import { organizationProcedure } from '../../trpc';

/** Another member becomes owner; the current owner stays on as admin. */
export const transferOwnership = organizationProcedure
  .meta({ permission: 'org:transfer' })
  .input(transferOwnershipInput)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    if (ctx.principal.kind !== 'user')
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Only a person can transfer ownership' });
    const change = await transfer(ctx.tx, { userId: ctx.principal.userId }, input.userId);
    await ctx.audit({
      action: 'organization.ownership_transferred',
      entityType: 'organization',
      entityId: ctx.organization.id,
      changes: { before: { ownerId: change.from }, after: { ownerId: change.to } },
    });
    return { ok: true as const };
  });
