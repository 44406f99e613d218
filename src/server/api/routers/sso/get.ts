import { emptyInput } from '@/schemas/common';
import { ssoCallbackUrl, ssoSettingsOutput } from '@/schemas/sso';
import { findSsoConnection } from '@/server/db/repositories/sso-connections';
import { ssoConnectionView } from '@/server/domain/sso/settings';
import { ssoProcedure } from './sso-procedure';

/** The organization's connection (without its secret) and the callback URL to register. */
export const get = ssoProcedure
  .input(emptyInput.optional())
  .output(ssoSettingsOutput)
  .query(async ({ ctx }) => {
    const row = await findSsoConnection(ctx.tx);
    return {
      callbackUrl: ssoCallbackUrl(ctx.services.appUrl),
      connection: row ? ssoConnectionView(row) : null,
    };
  });
