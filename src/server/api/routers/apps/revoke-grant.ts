import { grantIdInput, oauthGrantOutput } from '@/schemas/oauth-apps';
import { destroyOAuthGrant, findOrganizationGrant } from '@/server/db/repositories/oauth-records';
import { orNotFound } from '@/server/errors';
import { assertIfMatch } from '../../preconditions';
import { appsProcedure } from './apps-procedure';
import { grantView } from './grant-view';

/** Ends a person's grant: its refresh tokens at once, its access tokens at their next request. */
export const revokeGrant = appsProcedure
  .meta({
    openapi: {
      method: 'DELETE',
      path: '/app-grants/{grantId}',
      tags: ['Apps'],
      summary: "Revoke a person's grant to an OAuth app",
      description:
        'The app can no longer act for that person: its refresh tokens are refused at once and ' +
        'its access tokens from their next request. The person may connect it again.',
      protect: true,
    },
  })
  .input(grantIdInput)
  .output(oauthGrantOutput)
  .mutation(async ({ ctx, input }) => {
    const found = orNotFound(await findOrganizationGrant(ctx.tx, input.grantId), 'Grant');
    const grant = grantView(found);
    assertIfMatch(ctx.ifMatch, oauthGrantOutput, grant);
    await destroyOAuthGrant(ctx.tx, grant.grantId);
    await ctx.audit({
      action: 'oauth_grant.revoked',
      entityType: 'oauth_grant',
      entityId: null,
      changes: {
        before: { grantId: grant.grantId, clientId: found.app.clientId, userId: grant.user.id },
      },
    });
    return grant;
  });
