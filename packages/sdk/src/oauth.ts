/**
 * OAuth 2.1 client helpers for Clientele's authorization server: PKCE (S256), the
 * authorization URL, and the token endpoint's grants (authorization code, refresh token,
 * client credentials), form-encoded as RFC 6749 specifies.
 */

export interface OAuthServerMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  [field: string]: unknown;
}

export interface OAuthClientOptions {
  /** Clientele's origin, e.g. https://crm.example.com (the tokens' `iss`). */
  issuer: string;
  clientId: string;
  /** For confidential clients; public clients (a browser, a CLI) have none and rely on PKCE. */
  clientSecret?: string;
  /** How a confidential client authenticates at the token endpoint (default `client_secret_basic`). */
  clientAuthentication?: 'client_secret_basic' | 'client_secret_post';
  /** Endpoints read with `discoverOAuthServer`; by default `/oauth/authorize` and `/oauth/token`. */
  metadata?: Pick<OAuthServerMetadata, 'authorization_endpoint' | 'token_endpoint'>;
  fetch?: typeof globalThis.fetch;
}

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in?: number;
  refresh_token?: string;
  scope?: string;
  [field: string]: unknown;
}

/** The token endpoint refused: `error` is the OAuth code, e.g. `invalid_grant`. */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  constructor(
    readonly status: number,
    readonly error: string,
    readonly errorDescription?: string,
  ) {
    super(errorDescription ? `${error}: ${errorDescription}` : error);
  }
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * RFC 6749 §2.3.1: the client id and secret are form-encoded before they are joined and
 * base64-encoded; every character but letters and digits is escaped, which every server
 * decodes alike.
 */
function formEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(
      /[-_.!~*'()]/g,
      (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
    )
    .replace(/%20/g, '+');
}

/** A PKCE code verifier: 32 random bytes, base64url (43 characters, RFC 7636 §4.1). */
export function generateCodeVerifier(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** `BASE64URL(SHA256(verifier))`, the S256 code challenge (RFC 7636 §4.2). */
export async function codeChallengeOf(codeVerifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(codeVerifier));
  return base64Url(new Uint8Array(digest));
}

/** A fresh verifier and its S256 challenge; keep the verifier until the code is exchanged. */
export async function generatePkce() {
  const codeVerifier = generateCodeVerifier();
  return {
    codeVerifier,
    codeChallenge: await codeChallengeOf(codeVerifier),
    codeChallengeMethod: 'S256' as const,
  };
}

/** A random `state` to tie the redirect back to the session that started it. */
export function generateState(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/**
 * Reads `/.well-known/oauth-authorization-server` (RFC 8414) and checks that it speaks for
 * `issuer`.
 */
export async function discoverOAuthServer(
  issuer: string,
  fetch: typeof globalThis.fetch = globalThis.fetch,
): Promise<OAuthServerMetadata> {
  const origin = issuer.replace(/\/$/, '');
  const response = await fetch(`${origin}/.well-known/oauth-authorization-server`, {
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`OAuth metadata answered ${response.status}`);
  const metadata = (await response.json()) as OAuthServerMetadata;
  if (metadata.issuer?.replace(/\/$/, '') !== origin)
    throw new Error(`OAuth metadata is for ${metadata.issuer}, not ${issuer}`);
  return metadata;
}

export interface AuthorizationRequest {
  redirectUri: string;
  /** Space-separated permissions, e.g. `customers:read customers:write`. */
  scope: string;
  state: string;
  codeChallenge: string;
}

export function createOAuthClient(options: OAuthClientOptions) {
  const origin = options.issuer.replace(/\/$/, '');
  const authorizationEndpoint =
    options.metadata?.authorization_endpoint ?? `${origin}/oauth/authorize`;
  const tokenEndpoint = options.metadata?.token_endpoint ?? `${origin}/oauth/token`;
  const fetch = options.fetch ?? globalThis.fetch;

  async function requestToken(grant: Record<string, string | undefined>): Promise<TokenResponse> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(grant))
      if (value !== undefined) body.set(name, value);
    const headers = new Headers({
      'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
      accept: 'application/json',
    });
    if (options.clientSecret === undefined) {
      body.set('client_id', options.clientId);
    } else if (options.clientAuthentication === 'client_secret_post') {
      body.set('client_id', options.clientId);
      body.set('client_secret', options.clientSecret);
    } else {
      const credentials = `${formEncode(options.clientId)}:${formEncode(options.clientSecret)}`;
      headers.set('authorization', `Basic ${btoa(credentials)}`);
    }
    const response = await fetch(tokenEndpoint, { method: 'POST', headers, body });
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok || typeof json.access_token !== 'string') {
      throw new OAuthError(
        response.status,
        typeof json.error === 'string' ? json.error : 'invalid_response',
        typeof json.error_description === 'string' ? json.error_description : undefined,
      );
    }
    return json as TokenResponse;
  }

  return {
    /** Where to send the person: they sign in, consent, and come back with `?code&state`. */
    authorizationUrl(request: AuthorizationRequest): URL {
      const url = new URL(authorizationEndpoint);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', options.clientId);
      url.searchParams.set('redirect_uri', request.redirectUri);
      url.searchParams.set('scope', request.scope);
      url.searchParams.set('state', request.state);
      url.searchParams.set('code_challenge', request.codeChallenge);
      url.searchParams.set('code_challenge_method', 'S256');
      return url;
    },
    /** Trades the code from the redirect (and the PKCE verifier) for tokens. */
    exchangeCode(request: { code: string; redirectUri: string; codeVerifier: string }) {
      return requestToken({
        grant_type: 'authorization_code',
        code: request.code,
        redirect_uri: request.redirectUri,
        code_verifier: request.codeVerifier,
      });
    },
    /** A new access token (and a new refresh token: the old one is spent). */
    refreshToken(refreshToken: string, scope?: string) {
      return requestToken({ grant_type: 'refresh_token', refresh_token: refreshToken, scope });
    },
    /** A token for the client itself, with the role its registration gives it. */
    clientCredentials(scope?: string) {
      return requestToken({ grant_type: 'client_credentials', scope });
    },
  };
}

export type OAuthClient = ReturnType<typeof createOAuthClient>;
