import { invitationPreviewOutput, invitationTokenInput } from '@/schemas/invitations';
import { previewInvitation } from '@/server/domain/organizations/invitations';
import { publicProcedure } from '../../trpc';

/** What an invitation link is for; null when it no longer works. */
export const preview = publicProcedure
  .input(invitationTokenInput)
  .output(invitationPreviewOutput)
  .query(({ ctx, input }) => previewInvitation(ctx.services, input.token));
