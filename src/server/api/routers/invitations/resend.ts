import { idInput } from '@/schemas/common';
import { resentInvitationOutput } from '@/schemas/invitations';
import { resendInvitation } from '@/server/domain/organizations/invitations';
import { mailDeps } from '../../account-deps';
import { organizationProcedure } from '../../trpc';
import { inviterOf } from './inviter';

export const resend = organizationProcedure
  .meta({ permission: 'members:manage' })
  .input(idInput)
  .output(resentInvitationOutput)
  .mutation(async ({ ctx, input }) => {
    const inviter = await inviterOf(ctx);
    const invitation = await resendInvitation(
      mailDeps(ctx),
      ctx.tx,
      { inviter, organizationName: ctx.organization.name },
      input.id,
    );
    await ctx.audit({
      action: 'invitation.resent',
      entityType: 'invitation',
      entityId: invitation.id,
      changes: { after: { email: invitation.email } },
    });
    return invitation;
  });
