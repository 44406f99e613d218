import { invitationTokenInput, joinedOrganizationOutput } from '@/schemas/invitations';
import { acceptInvitation } from '@/server/domain/organizations/invitations';
import { accountDeps } from '../../account-deps';
import { userProcedure } from '../../trpc';

export const accept = userProcedure
  .input(invitationTokenInput)
  .output(joinedOrganizationOutput)
  .mutation(({ ctx, input }) => acceptInvitation(accountDeps(ctx), ctx.principal, input.token));
