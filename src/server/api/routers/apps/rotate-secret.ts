import { idParam } from '@/schemas/common';
import { rotatedSecretOutput } from '@/schemas/oauth-apps';
import { findOAuthApp, replaceOAuthAppSecret } from '@/server/db/repositories/oauth-apps';
import { AppError, orNotFound } from '@/server/errors';
import { generateClientSecret } from '@/server/oauth/credentials';
import { appsProcedure, assertMayIssueSecretOf } from './apps-procedure';

/** A new secret, shown once; the old one stops working at once. */
export const rotateSecret = appsProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/apps/{id}/rotate-secret',
      tags: ['Apps'],
      summary: "Rotate an OAuth app's client secret",
      description:
        'Returns a new client secret, here and only here. The previous secret is refused from ' +
        'this moment, so give the app the new one at once. A public app has no secret (400); a ' +
        "`client_credentials` app's secret is rotated by a person, not with an API key (403).",
      protect: true,
    },
  })
  .input(idParam)
  .output(rotatedSecretOutput)
  .mutation(async ({ ctx, input }) => {
    const app = orNotFound(await findOAuthApp(ctx.tx, input.id, true), 'App');
    if (!app.confidential) throw new AppError('BAD_REQUEST', 'A public app has no secret');
    assertMayIssueSecretOf(ctx.principal, app.kind);
    const { secret, hash } = generateClientSecret();
    await replaceOAuthAppSecret(ctx.tx, app.id, hash);
    await ctx.audit({
      action: 'oauth_app.secret_rotated',
      entityType: 'oauth_app',
      entityId: app.id,
      changes: {},
    });
    return { clientSecret: secret };
  });
