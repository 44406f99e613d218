import { acceptWithSignUpInput, joinedOrganizationOutput } from '@/schemas/invitations';
import { acceptInvitationWithSignUp } from '@/server/domain/organizations/invitations';
import { accountDeps, setSessionCookie } from '../../account-deps';
import { publicProcedure } from '../../trpc';

export const acceptWithSignUp = publicProcedure
  .input(acceptWithSignUpInput)
  .output(joinedOrganizationOutput)
  .mutation(async ({ ctx, input }) => {
    const joined = await acceptInvitationWithSignUp(accountDeps(ctx), input);
    setSessionCookie(ctx, joined);
    return { organization: joined.organization };
  });
