import { createdOAuthAppOutput, oauthAppInput } from '@/schemas/oauth-apps';
import { auditedApp, registerOAuthApp } from '@/server/domain/oauth/register-app';
import { personOf } from '../acting-member';
import { appsProcedure, assertMayIssueSecretOf } from './apps-procedure';
import { appView } from './app-view';

/** Returns the client secret this once; only its hash is stored. */
export const create = appsProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/apps',
      tags: ['Apps'],
      summary: 'Register an OAuth app',
      description:
        'An app that acts for the people who allow it (`authorization_code`, with redirect URIs ' +
        'matched exactly) or for itself with the role given (`client_credentials`). The client ' +
        'secret is returned here and only here (null for a public app); only its hash is kept. ' +
        'A `client_credentials` app is registered by a person (a token of an app they ' +
        'connected with `apps:manage`), not with an API key (403).',
      protect: true,
    },
  })
  .input(oauthAppInput)
  .output(createdOAuthAppOutput)
  .mutation(async ({ ctx, input }) => {
    assertMayIssueSecretOf(ctx.principal, input.kind);
    const { app, clientSecret } = await registerOAuthApp(
      ctx.tx,
      ctx.organization.id,
      input,
      personOf(ctx.principal),
    );
    await ctx.audit({
      action: 'oauth_app.created',
      entityType: 'oauth_app',
      entityId: app.id,
      changes: { after: auditedApp(app) },
    });
    return { app: appView(app), clientSecret };
  });
