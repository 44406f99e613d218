import { z } from 'zod';
import { idParam, uuid } from '@/schemas/common';
import { oauthAppOutput } from '@/schemas/oauth-apps';
import { deleteOAuthApp, findOAuthApp } from '@/server/db/repositories/oauth-apps';
import { auditedApp } from '@/server/domain/oauth/register-app';
import { orNotFound } from '@/server/errors';
import { assertIfMatch } from '../../preconditions';
import { appsProcedure } from './apps-procedure';
import { appView } from './app-view';

/** Its tokens fail from the next request (each is checked against the app), its grants lapse. */
export const remove = appsProcedure
  .meta({
    openapi: {
      method: 'DELETE',
      path: '/apps/{id}',
      tags: ['Apps'],
      summary: 'Delete an OAuth app',
      description:
        'Everyone who connected the app is disconnected, and every token it holds is refused ' +
        'from the next request.',
      protect: true,
    },
  })
  .input(idParam)
  .output(z.object({ id: uuid() }))
  .mutation(async ({ ctx, input }) => {
    if (ctx.ifMatch) {
      const current = await findOAuthApp(ctx.tx, input.id, true);
      assertIfMatch(ctx.ifMatch, oauthAppOutput, current && appView(current));
    }
    const app = orNotFound(await deleteOAuthApp(ctx.tx, input.id), 'App');
    await ctx.audit({
      action: 'oauth_app.deleted',
      entityType: 'oauth_app',
      entityId: app.id,
      changes: { before: auditedApp(app) },
    });
    return { id: app.id };
  });
