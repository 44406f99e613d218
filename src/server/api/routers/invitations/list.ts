import { invitationListOutput } from '@/schemas/invitations';
import { listOpenInvitations } from '@/server/db/repositories/invitations';
import { organizationProcedure } from '../../trpc';

export const list = organizationProcedure
  .meta({ permission: 'members:manage' })
  .output(invitationListOutput)
  .query(({ ctx }) => listOpenInvitations(ctx.tx));
