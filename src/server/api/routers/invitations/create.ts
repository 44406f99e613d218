import { invitationOutput, inviteInput } from '@/schemas/invitations';
import { inviteMember } from '@/server/domain/organizations/invitations';
import { mailDeps } from '../../account-deps';
import { organizationProcedure } from '../../trpc';
import { inviterOf } from './inviter';

export const create = organizationProcedure
  .meta({ permission: 'members:manage' })
  .input(inviteInput)
  .output(invitationOutput)
  .mutation(async ({ ctx, input }) => {
    const inviter = await inviterOf(ctx);
    const invitation = await inviteMember(
      mailDeps(ctx),
      ctx.tx,
      { inviter, organizationName: ctx.organization.name },
      input,
    );
    await ctx.audit({
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: invitation.id,
      changes: { after: { email: invitation.email, role: invitation.role } },
    });
    return invitation;
  });
