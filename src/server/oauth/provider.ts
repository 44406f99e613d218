import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, {
  errors,
  interactionPolicy,
  type Configuration,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import { decodeHex } from '@oslojs/encoding';
import { listOAuthGrants } from '@/server/db/repositories/oauth-records';
import { withIdentity } from '@/server/db/tenant';
import type { AppServices } from '@/server/services';
import { OAUTH_SCOPES } from '@/schemas/oauth-apps';
import { databaseAdapter } from './adapter';
import { signedInUserOf } from './signed-in-user';
import { clientSecretMatches } from './credentials';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  loadSigningKeys,
  SIGNING_ALGORITHM,
  type SigningKeySet,
} from './signing-keys';

export const OAUTH_PATHS = {
  authorization: '/oauth/authorize',
  token: '/oauth/token',
  revocation: '/oauth/revoke',
  introspection: '/oauth/introspect',
  jwks: '/.well-known/jwks.json',
} as const;
export const INTERACTION_PATH = '/oauth/interaction';
const METADATA_PATH = '/.well-known/oauth-authorization-server';
/** Where oidc-provider serves its metadata; RFC 8414's path is answered from it. */
const PROVIDER_METADATA_PATH = '/.well-known/openid-configuration';

/** The APIs a token may be issued for: REST (the default) and MCP. */
export const resourcesOf = (appUrl: string) => ({
  rest: `${appUrl}/api/v1`,
  mcp: `${appUrl}/api/mcp`,
});

const KEY_RECHECK_MS = 60_000;
const KEY_ROTATION_DAYS = 30;
const DAY_SECONDS = 24 * 60 * 60;

/**
 * The OAuth 2.1 authorization server: oidc-provider, configured for authorization code with
 * PKCE (S256), rotating refresh tokens, client credentials, revocation, introspection and
 * JWT access tokens. One per set of signing keys: the keys are re-read every minute (another
 * instance may have rotated them), and a new set builds a new provider.
 */
export class OAuthServer {
  #current?: { keys: SigningKeySet; provider: Provider; checkedAt: number };
  #loading?: Promise<{ keys: SigningKeySet; provider: Provider }>;

  constructor(private readonly services: AppServices) {}

  /** Whether a request is the authorization server's to answer. */
  static handles(pathname: string): boolean {
    return (
      pathname === OAUTH_PATHS.token ||
      pathname === OAUTH_PATHS.revocation ||
      pathname === OAUTH_PATHS.jwks ||
      pathname === METADATA_PATH ||
      pathname === OAUTH_PATHS.authorization ||
      pathname.startsWith(`${OAUTH_PATHS.authorization}/`)
    );
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { provider } = await this.current();
    if (req.url?.split('?', 1)[0] === METADATA_PATH) req.url = PROVIDER_METADATA_PATH;
    await provider.callback()(req, res);
  }

  async provider(): Promise<Provider> {
    return (await this.current()).provider;
  }

  /** The published keys; `refresh` re-reads them now (a token named a key not yet seen). */
  async publicKeys(refresh = false): Promise<SigningKeySet['publicKeys']> {
    if (refresh && this.#current) this.#current.checkedAt = 0;
    return (await this.current()).keys.publicKeys;
  }

  private async current() {
    const current = this.#current;
    if (current && Date.now() - current.checkedAt < KEY_RECHECK_MS) return current;
    this.#loading ??= (async () => {
      try {
        const { db, secretBox } = this.services;
        const keys = await loadSigningKeys(db, secretBox, KEY_ROTATION_DAYS);
        const provider =
          current && current.keys.version === keys.version
            ? current.provider
            : createProvider(this.services, keys);
        this.#current = { keys, provider, checkedAt: Date.now() };
        return this.#current;
      } finally {
        this.#loading = undefined;
      }
    })();
    return this.#loading;
  }
}

const servers = new WeakMap<AppServices, OAuthServer>();

/** The services' authorization server, made on first use. */
export function oauthServerOf(services: AppServices): OAuthServer {
  let server = servers.get(services);
  if (!server) servers.set(services, (server = new OAuthServer(services)));
  return server;
}

function createProvider(services: AppServices, keys: SigningKeySet): Provider {
  const resources = resourcesOf(services.appUrl);
  const policy = interactionPolicy.base();
  // The app's own sign-in decides who is signed in: the provider's memory of an earlier
  // sign-in in this browser counts only while the same person is signed in to the app.
  policy.get('login')!.checks.add(
    new interactionPolicy.Check(
      'app_session',
      'The person signed in to the app has changed',
      async (ctx) => {
        if (ctx.oidc.result?.login) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
        const userId = await signedInUserOf(services, ctx.req);
        return userId !== ctx.oidc.session?.accountId;
      },
    ),
  );

  const configuration: Configuration = {
    adapter: databaseAdapter(services.db),
    clients: [],
    jwks: { keys: keys.privateKeys as NonNullable<Configuration['jwks']>['keys'] },
    routes: OAUTH_PATHS,
    discovery: { introspection_endpoint: `${services.appUrl}${OAUTH_PATHS.introspection}` },
    responseTypes: ['code'],
    scopes: ['offline_access', ...OAUTH_SCOPES],
    claims: {},
    pkce: { required: () => true },
    clientAuthMethods: ['client_secret_basic', 'none'],
    clientDefaults: {
      id_token_signed_response_alg: SIGNING_ALGORITHM,
      token_endpoint_auth_method: 'client_secret_basic',
    },
    cookies: { keys: [services.secretBox.derive('oauth-cookies')] },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      clientCredentials: { enabled: true },
      // Answered by introspection.ts, which knows the JWT access tokens the provider does not keep.
      introspection: { enabled: false },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resources.rest,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource, client) => {
          if (resource !== resources.rest && resource !== resources.mcp) {
            throw new errors.InvalidTarget(
              `Tokens are issued for ${resources.rest} or ${resources.mcp}`,
            );
          }
          return {
            audience: resource,
            scope: client.scope ?? '',
            accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: SIGNING_ALGORITHM } },
          };
        },
      },
    },
    formats: {
      customizers: {
        // The organization the token works in; an app acting as itself is `client:<id>`.
        async jwt(ctx, token, jwt) {
          const client = await ctx.oidc.provider.Client.find(token.clientId!);
          jwt.payload.org = client?.organizationId;
          if ('grantId' in token && token.grantId) jwt.payload.gid = token.grantId;
          else jwt.payload.sub = `client:${token.clientId}`;
        },
      },
    },
    extraClientMetadata: { properties: ['organizationId'] },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
    loadExistingGrant: async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grantId =
        ctx.oidc.result?.consent?.grantId ??
        (
          await withIdentity(services.db, (tx) =>
            listOAuthGrants(tx, { accountId, clientIds: [clientId] }),
          )
        )[0]?.grantId;
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    clientBasedCORS: (_ctx, origin, client) =>
      (client.redirectUris ?? []).some((uri) => new URL(uri).origin === origin),
    interactions: {
      policy,
      url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}`,
    },
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL_SECONDS,
      ClientCredentials: ACCESS_TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      IdToken: ACCESS_TOKEN_TTL_SECONDS,
      Interaction: 15 * 60,
      Session: 15 * 60,
      Grant: 365 * DAY_SECONDS,
      RefreshToken: 30 * DAY_SECONDS,
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(out.error_description ?? out.error ?? 'The request was refused');
    },
  };
  const provider = new Provider(services.appUrl, configuration);
  provider.proxy = true;
  // Secrets are stored as SHA-256 (client_secret holds its hex): hash what the client sent.
  provider.Client.prototype.compareClientSecret = function (
    this: { clientSecret?: string },
    actual: string,
  ) {
    const stored = this.clientSecret;
    return Promise.resolve(Boolean(stored) && clientSecretMatches(actual, decodeHex(stored!)));
  };
  return provider;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function errorPage(message: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Connecting an app failed</title></head><body><main><h1>Connecting an app failed</h1><p>${escapeHtml(message)}</p><p><a href="/">Back to Clientele</a></p></main></body></html>`;
}

export type { KoaContextWithOIDC };
