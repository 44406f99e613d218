import { emptyInput } from '@/schemas/common';
import { oauthAppPage } from '@/schemas/oauth-apps';
import { listOAuthApps } from '@/server/db/repositories/oauth-apps';
import { appsProcedure } from './apps-procedure';
import { appView } from './app-view';

export const list = appsProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/apps',
      tags: ['Apps'],
      summary: 'List OAuth apps',
      description:
        "The organization's OAuth apps, newest first, all at once. Their secrets are never shown " +
        'again after they are created or rotated.',
      protect: true,
    },
  })
  .input(emptyInput)
  .output(oauthAppPage)
  .query(async ({ ctx }) => ({
    items: (await listOAuthApps(ctx.tx)).map(appView),
    nextCursor: null,
  }));
