import { oauthAppInput, oauthAppOutput, oauthAppUpdateInput } from '@/schemas/oauth-apps';
import { findOAuthApp, updateOAuthApp } from '@/server/db/repositories/oauth-apps';
import { auditedApp } from '@/server/domain/oauth/register-app';
import { AppError, orNotFound } from '@/server/errors';
import { assertIfMatch } from '../../preconditions';
import { appsProcedure } from './apps-procedure';
import { appView } from './app-view';

/** Changes take effect at the next request: redirect URIs and scopes are read on each. */
export const update = appsProcedure
  .meta({
    openapi: {
      method: 'PATCH',
      path: '/apps/{id}',
      tags: ['Apps'],
      summary: 'Update an OAuth app',
      description:
        'Changes only the fields given: name, logo, redirect URIs, scopes or role. Its kind and ' +
        'whether it has a secret stay as registered. Tokens already issued are held to the new ' +
        'scopes and redirect URIs from their next request.',
      protect: true,
    },
  })
  .input(oauthAppUpdateInput)
  .output(oauthAppOutput)
  .mutation(async ({ ctx, input: { id, ...changes } }) => {
    const before = orNotFound(await findOAuthApp(ctx.tx, id, true), 'App');
    assertIfMatch(ctx.ifMatch, oauthAppOutput, appView(before));
    // The app as it would be, checked by the rules of a new one (a people app keeps a
    // redirect URI, a server-to-server app a role).
    const after = { ...before, ...changes };
    const checked = oauthAppInput.safeParse({
      ...after,
      logoUrl: after.logoUrl ?? undefined,
      role: after.role ?? undefined,
    });
    if (!checked.success) {
      throw new AppError('BAD_REQUEST', 'The app would not be valid', {
        issues: checked.error.issues.map(({ path, message }) => ({
          path: path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
          message,
        })),
      });
    }
    const updated = (await updateOAuthApp(ctx.tx, id, changes))!;
    await ctx.auditChange(
      JSON.stringify(auditedApp(before)) !== JSON.stringify(auditedApp(updated)),
      {
        action: 'oauth_app.updated',
        entityType: 'oauth_app',
        entityId: id,
        changes: { before: auditedApp(before), after: auditedApp(updated) },
      },
    );
    return appView(updated);
  });
