import { okOutput } from '@/schemas/common';
import { changeRoleInput } from '@/schemas/members';
import { changeMemberRole } from '@/server/domain/organizations/members';
import { organizationProcedure } from '../../trpc';
import { actingMember } from '../acting-member';

export const changeRole = organizationProcedure
  .meta({ permission: 'members:manage' })
  .input(changeRoleInput)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    const change = await changeMemberRole(ctx.tx, actingMember(ctx), input);
    if (!change) {
      ctx.nothingChanged();
      return { ok: true as const };
    }
    await ctx.audit({
      action: 'member.role_changed',
      entityType: 'membership',
      entityId: change.userId,
      changes: { before: change.before, after: change.after },
    });
    return { ok: true as const };
  });
