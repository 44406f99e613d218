import { okOutput } from '@/schemas/common';
import { memberInput } from '@/schemas/members';
import { removeMember } from '@/server/domain/organizations/members';
import { organizationProcedure } from '../../trpc';
import { actingMember } from '../acting-member';

export const remove = organizationProcedure
  .meta({ permission: 'members:manage' })
  .input(memberInput)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    const change = await removeMember(ctx.tx, actingMember(ctx), input.userId);
    await ctx.audit({
      action: 'member.removed',
      entityType: 'membership',
      entityId: change.userId,
      changes: { before: change.before },
    });
    return { ok: true as const };
  });
