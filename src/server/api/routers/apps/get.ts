import { idParam } from '@/schemas/common';
import { oauthAppOutput } from '@/schemas/oauth-apps';
import { findOAuthApp } from '@/server/db/repositories/oauth-apps';
import { orNotFound } from '@/server/errors';
import { appsProcedure } from './apps-procedure';
import { appView } from './app-view';

export const get = appsProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/apps/{id}',
      tags: ['Apps'],
      summary: 'Get an OAuth app',
      description: 'One OAuth app; its secret is never shown again.',
      protect: true,
    },
  })
  .input(idParam)
  .output(oauthAppOutput)
  .query(async ({ ctx, input }) =>
    appView(orNotFound(await findOAuthApp(ctx.tx, input.id), 'App')),
  );
