import { idInput, okOutput } from '@/schemas/common';
import { cancelInvitation } from '@/server/domain/organizations/invitations';
import { organizationProcedure } from '../../trpc';

export const revoke = organizationProcedure
  .meta({ permission: 'members:manage' })
  .input(idInput)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    const invitation = await cancelInvitation(ctx.tx, input.id);
    await ctx.audit({
      action: 'invitation.revoked',
      entityType: 'invitation',
      entityId: invitation.id,
      changes: { before: { email: invitation.email, role: invitation.role } },
    });
    return { ok: true as const };
  });
