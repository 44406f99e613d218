import { grantListInput, oauthGrantPage } from '@/schemas/oauth-apps';
import { listOrganizationGrants } from '@/server/db/repositories/oauth-records';
import { appsProcedure } from './apps-procedure';
import { grantView } from './grant-view';

/** Every person's grant to the organization's apps, or to one of them. */
export const grants = appsProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/app-grants',
      tags: ['Apps'],
      summary: 'List the grants people gave OAuth apps',
      description:
        'Who let which app act for them, with the scopes they allowed, newest first and all at ' +
        'once; `appId` narrows it to one app. Server-to-server apps act for no one and have none.',
      protect: true,
    },
  })
  .input(grantListInput)
  .output(oauthGrantPage)
  .query(async ({ ctx, input }) => ({
    items: (await listOrganizationGrants(ctx.tx, { appId: input.appId })).map(grantView),
    nextCursor: null,
  }));
