import * as oauth from 'oauth4webapi';
import { emailDomain, ssoCallbackUrl } from '@/schemas/sso';
import { sha256Of } from '@/server/auth/tokens';
import {
  findSsoConnectionByDomain,
  findSsoConnectionBySlug,
} from '@/server/db/repositories/sso-connections';
import { insertSsoSignInAttempt } from '@/server/db/repositories/sso-sign-in-attempts';
import { withIdentity } from '@/server/db/tenant';
import { authorizationUrl, discoverProvider, SsoProviderError } from '@/server/sso/relying-party';
import { SSO_ATTEMPT_TTL_MS, type SsoDeps } from './deps';
import { SsoRefusal } from './refusal';

export interface SsoStart {
  /** The provider's authorization URL. */
  redirectTo: URL;
  /** The state, which the browser keeps in a cookie until it comes back. */
  state: string;
}

/**
 * Finds the organization's connection (by the work e-mail's domain, or by the organization's
 * slug), records a single-use attempt (SHA-256 of the state, the PKCE verifier, the nonce,
 * where to go after) and answers where the browser goes to sign in at the provider.
 */
export async function startSsoSignIn(
  deps: SsoDeps,
  input: { email?: string; organization?: string; next: string | null },
): Promise<SsoStart> {
  await deps.throttle('sign-in:ip', deps.client.ipAddress ?? 'unknown');
  const email = input.email?.trim();
  const found = await withIdentity(
    deps.db,
    async (tx) => {
      if (email) {
        const domain = emailDomain.safeParse(email.split('@').pop() ?? '');
        if (!email.includes('@') || !domain.success) {
          throw new SsoRefusal('Enter your work e-mail address, such as you@example.com');
        }
        const connection = await findSsoConnectionByDomain(tx, domain.data);
        if (!connection) {
          throw new SsoRefusal(
            `No organization signs in people at ${domain.data} with single sign-on; sign in with your password instead`,
          );
        }
        return connection;
      }
      const slug = input.organization?.trim();
      if (!slug) throw new SsoRefusal('Enter your work e-mail address');
      const connection = await findSsoConnectionBySlug(tx, slug);
      if (!connection) {
        throw new SsoRefusal(`The organization "${slug}" has no single sign-on`);
      }
      return connection;
    },
    { readOnly: true },
  );

  let as;
  try {
    as = await discoverProvider(found.connection.issuer);
  } catch (error) {
    if (!(error instanceof SsoProviderError)) throw error;
    deps.logger.warn(
      { err: error, organizationId: found.organization.id, requestId: deps.client.requestId },
      'SSO provider discovery failed',
    );
    throw new SsoRefusal(
      `${found.organization.name}'s sign-in provider cannot be used right now (${error.message}); try again later or ask an administrator`,
      { cause: error },
    );
  }

  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const codeVerifier = oauth.generateRandomCodeVerifier();
  await withIdentity(deps.db, (tx) =>
    insertSsoSignInAttempt(tx, {
      stateHash: sha256Of(state),
      connectionId: found.connection.id,
      codeVerifier,
      nonce,
      nextPath: input.next,
      expiresAt: new Date(Date.now() + SSO_ATTEMPT_TTL_MS),
    }),
  );
  const redirectTo = await authorizationUrl(
    as,
    { clientId: found.connection.clientId },
    {
      redirectUri: ssoCallbackUrl(deps.appUrl),
      state,
      nonce,
      codeVerifier,
      loginHint: email,
    },
  );
  return { redirectTo, state };
}
