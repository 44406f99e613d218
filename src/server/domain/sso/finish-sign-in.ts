import { ssoCallbackUrl } from '@/schemas/sso';
import { createSession, type NewSession } from '@/server/auth/session';
import { sameHash, sha256Of } from '@/server/auth/tokens';
import { findSsoConnectionById } from '@/server/db/repositories/sso-connections';
import { takeSsoSignInAttempt } from '@/server/db/repositories/sso-sign-in-attempts';
import { withIdentity } from '@/server/db/tenant';
import { recordSecurityEvent } from '@/server/domain/accounts/security-events';
import {
  completeAuthorization,
  discoverProvider,
  SsoProviderError,
} from '@/server/sso/relying-party';
import { openClientSecret } from './client-secret';
import type { SsoDeps } from './deps';
import { provisionSsoMember } from './provision';
import { SsoRefusal } from './refusal';

export interface SsoSignIn extends NewSession {
  userId: string;
  /** Where to go now: the path the sign-in started for, or null for the default. */
  next: string | null;
}

/**
 * The provider's redirect back: the state must be the one this browser started with (its
 * cookie) and an attempt not used before; then the code is exchanged and the ID token checked,
 * the person found or provisioned, and a session opened in the organization, marked as opened
 * through its connection. The local second factor is not asked: at an SSO sign-in the
 * provider's own policy decides how a person proves who they are.
 */
export async function finishSsoSignIn(
  deps: SsoDeps,
  input: { url: URL; browserState: string | undefined },
): Promise<SsoSignIn> {
  await deps.throttle('sign-in:ip', deps.client.ipAddress ?? 'unknown');
  const state = input.url.searchParams.get('state');
  if (!state) throw new SsoRefusal('The provider sent you back without the sign-in state');
  if (!input.browserState || !sameState(state, input.browserState)) {
    throw new SsoRefusal(
      'This sign-in was not started in this browser, or it took too long; start again',
    );
  }
  const attempt = await withIdentity(deps.db, (tx) => takeSsoSignInAttempt(tx, sha256Of(state)));
  if (!attempt || attempt.expiresAt <= new Date()) {
    throw new SsoRefusal('This sign-in has already been used or has expired; start again');
  }
  const found = await withIdentity(
    deps.db,
    (tx) => findSsoConnectionById(tx, attempt.connectionId),
    {
      readOnly: true,
    },
  );
  if (!found) throw new SsoRefusal('Single sign-on was turned off while you were signing in');

  let identity;
  try {
    const as = await discoverProvider(found.connection.issuer);
    identity = await completeAuthorization(
      as,
      {
        issuer: found.connection.issuer,
        clientId: found.connection.clientId,
        clientSecret: openClientSecret(
          deps.secretBox,
          found.organization.id,
          found.connection.sealedClientSecret,
        ),
      },
      {
        url: input.url,
        redirectUri: ssoCallbackUrl(deps.appUrl),
        state,
        nonce: attempt.nonce,
        codeVerifier: attempt.codeVerifier,
      },
    );
  } catch (error) {
    if (!(error instanceof SsoProviderError)) throw error;
    deps.logger.warn(
      { err: error, organizationId: found.organization.id, requestId: deps.client.requestId },
      'SSO sign-in refused',
    );
    throw new SsoRefusal(error.message, { cause: error });
  }

  return withIdentity(deps.db, async (tx) => {
    const { user, joined } = await provisionSsoMember(tx, found, identity, deps.client);
    const session = await createSession(tx, {
      userId: user.id,
      activeOrganizationId: found.organization.id,
      ipAddress: deps.client.ipAddress,
      userAgent: deps.client.userAgent,
      ssoConnectionId: found.connection.id,
    });
    await recordSecurityEvent(
      tx,
      {
        action: 'user.signed_in',
        subjectUserId: user.id,
        details: { method: 'sso', organizationId: found.organization.id, joined },
      },
      deps.client,
    );
    return { ...session, userId: user.id, next: attempt.nextPath };
  });
}

function sameState(a: string, b: string) {
  return sameHash(sha256Of(a), sha256Of(b));
}
