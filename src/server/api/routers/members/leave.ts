import { TRPCError } from '@trpc/server';
import { okOutput } from '@/schemas/common';
import { leaveOrganization } from '@/server/domain/organizations/members';
import { organizationProcedure } from '../../trpc';

/** Every member may leave, except the last owner. */
export const leave = organizationProcedure
  .meta({ permission: 'members:read' })
  .output(okOutput)
  .mutation(async ({ ctx }) => {
    if (ctx.principal.kind !== 'user')
      throw new TRPCError({ code: 'FORBIDDEN', message: 'An API key cannot leave' });
    const change = await leaveOrganization(ctx.tx, ctx.principal.userId);
    await ctx.audit({
      action: 'member.left',
      entityType: 'membership',
      entityId: change.userId,
      changes: { before: change.before },
    });
    return { ok: true as const };
  });
