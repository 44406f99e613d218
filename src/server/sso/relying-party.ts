import * as oauth from 'oauth4webapi';
import { ssoIssuer } from '@/schemas/sso';

/** A provider that could not be used, or an answer from it that is refused; said in words. */
export class SsoProviderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SsoProviderError';
  }
}

const PROVIDER_TIMEOUT_MS = 10_000;
export const SSO_SCOPES = 'openid email profile';

/** What the relying party needs of a connection. */
export interface SsoClient {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** The person the provider vouches for, from a validated ID token. */
export interface SsoIdentity {
  subject: string;
  email: string;
  name: string | null;
}

/**
 * Plain http is only ever allowed where settings allow it (localhost outside production); a
 * connection saved elsewhere is checked again here.
 */
function requestOptions(issuer: URL) {
  return {
    [oauth.allowInsecureRequests]: issuer.protocol === 'http:',
    signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
  };
}

function issuerUrlOf(issuer: string): URL {
  if (!ssoIssuer.safeParse(issuer).success) {
    throw new SsoProviderError(`The issuer ${issuer} is not an allowed provider address`);
  }
  return new URL(issuer);
}

/**
 * OpenID Connect Discovery of the issuer: its metadata must name exactly that issuer, so an ID
 * token another issuer signed is refused later.
 */
export async function discoverProvider(issuer: string): Promise<oauth.AuthorizationServer> {
  const url = issuerUrlOf(issuer);
  try {
    const response = await oauth.discoveryRequest(url, {
      ...requestOptions(url),
      algorithm: 'oidc',
    });
    const as = await oauth.processDiscoveryResponse(url, response);
    if (!as.authorization_endpoint || !as.token_endpoint || !as.jwks_uri) {
      throw new SsoProviderError(
        `The provider at ${issuer} does not publish an authorization endpoint, a token endpoint and its keys`,
      );
    }
    return as;
  } catch (error) {
    throw providerError(error, `Discovery of ${issuer} failed`);
  }
}

/** Where the browser goes to sign in at the provider: code flow with PKCE (S256) and a nonce. */
export async function authorizationUrl(
  as: oauth.AuthorizationServer,
  client: Pick<SsoClient, 'clientId'>,
  request: {
    redirectUri: string;
    state: string;
    nonce: string;
    codeVerifier: string;
    loginHint?: string;
  },
): Promise<URL> {
  const url = new URL(as.authorization_endpoint!);
  const params = url.searchParams;
  params.set('client_id', client.clientId);
  params.set('redirect_uri', request.redirectUri);
  params.set('response_type', 'code');
  params.set('scope', SSO_SCOPES);
  params.set('state', request.state);
  params.set('nonce', request.nonce);
  params.set('code_challenge', await oauth.calculatePKCECodeChallenge(request.codeVerifier));
  params.set('code_challenge_method', 'S256');
  if (request.loginHint) params.set('login_hint', request.loginHint);
  return url;
}

/**
 * The provider's answer at the callback: the code exchanged (with the PKCE verifier and the
 * client secret), the ID token checked by oauth4webapi (issuer, audience, nonce, expiry) and its
 * signature against the provider's published keys. The e-mail (from the ID token, else from
 * userinfo for the same subject) must be there and verified.
 */
export async function completeAuthorization(
  as: oauth.AuthorizationServer,
  client: SsoClient,
  callback: { url: URL; redirectUri: string; state: string; nonce: string; codeVerifier: string },
): Promise<SsoIdentity> {
  const oauthClient: oauth.Client = { client_id: client.clientId };
  const options = requestOptions(new URL(client.issuer));
  let claims: Record<string, unknown> & { sub: string };
  try {
    const params = oauth.validateAuthResponse(as, oauthClient, callback.url, callback.state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      oauthClient,
      clientAuthentication(as, client.clientSecret),
      params,
      callback.redirectUri,
      callback.codeVerifier,
      options,
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, oauthClient, response, {
      expectedNonce: callback.nonce,
      requireIdToken: true,
    });
    await oauth.validateApplicationLevelSignature(as, response, options);
    claims = oauth.getValidatedIdTokenClaims(tokens)!;
    // Some providers keep the e-mail out of the ID token and answer it from userinfo.
    if (claims.email === undefined && as.userinfo_endpoint) {
      const answer = await oauth.userInfoRequest(as, oauthClient, tokens.access_token, options);
      const userinfo = await oauth.processUserInfoResponse(as, oauthClient, claims.sub, answer);
      claims = {
        ...userinfo,
        ...claims,
        email: userinfo.email,
        email_verified: userinfo.email_verified,
      };
    }
  } catch (error) {
    throw providerError(error, 'The provider did not complete the sign-in');
  }
  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  if (!email || !email.includes('@')) {
    throw new SsoProviderError('The provider did not say which e-mail address you have');
  }
  if (claims.email_verified !== true) {
    throw new SsoProviderError(`The provider has not verified the address ${email}`);
  }
  return {
    subject: claims.sub,
    email,
    name: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : null,
  };
}

/** client_secret_basic, the default of the specification, unless the provider offers only post. */
function clientAuthentication(as: oauth.AuthorizationServer, secret: string): oauth.ClientAuth {
  const methods = as.token_endpoint_auth_methods_supported;
  return methods &&
    !methods.includes('client_secret_basic') &&
    methods.includes('client_secret_post')
    ? oauth.ClientSecretPost(secret)
    : oauth.ClientSecretBasic(secret);
}

/** An error from the provider or its answer, in words a person and an administrator can use. */
function providerError(error: unknown, context: string): SsoProviderError {
  if (error instanceof SsoProviderError) return error;
  if (error instanceof oauth.AuthorizationResponseError) {
    const description = error.error_description ?? error.error;
    return new SsoProviderError(`The provider refused the sign-in: ${description}`, {
      cause: error,
    });
  }
  if (error instanceof oauth.ResponseBodyError) {
    const description = error.error_description ?? error.error;
    return new SsoProviderError(`${context}: the provider answered ${description}`, {
      cause: error,
    });
  }
  if (error instanceof oauth.OperationProcessingError) {
    return new SsoProviderError(`${context}: ${error.message}`, { cause: error });
  }
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new SsoProviderError(`${context}: the provider did not answer in time`, {
      cause: error,
    });
  }
  if (error instanceof TypeError) {
    return new SsoProviderError(`${context}: the provider could not be reached`, {
      cause: error,
    });
  }
  return new SsoProviderError(context, { cause: error });
}
