import { z } from 'zod';
import { ssoCheckOutput, ssoIssuer } from '@/schemas/sso';
import { discoverProvider, SsoProviderError } from '@/server/sso/relying-party';
import { ssoProviderProcedure } from './sso-procedure';

/**
 * Runs discovery against an issuer, as a sign-in would, and says what went wrong in words.
 * Holds no transaction while the provider answers.
 */
export const check = ssoProviderProcedure
  .input(z.strictObject({ issuer: ssoIssuer }))
  .output(ssoCheckOutput)
  .query(async ({ input }) => {
    try {
      await discoverProvider(input.issuer);
      return { ok: true, message: null };
    } catch (error) {
      if (!(error instanceof SsoProviderError)) throw error;
      return { ok: false, message: error.message };
    }
  });
