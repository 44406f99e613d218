import http from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';

/** The person the provider signs in at the next interaction, as its claims say. */
export interface ProviderAccount {
  email: string;
  emailVerified?: boolean;
  name?: string;
}

export interface TestOidcProvider {
  /** The issuer its metadata names. */
  issuer: string;
  /** Where it listens (the issuer's address, unless it was made to name another issuer). */
  url: string;
  clientId: string;
  clientSecret: string;
  /** Who the next sign-in at this provider is. */
  signInNext(account: ProviderAccount): void;
  close(): Promise<void>;
}

/** Ports this suite's providers use (each file's providers take the next free ones). */
const FIRST_PORT = 3410;
const LAST_PORT = 3499;

/**
 * A real OpenID provider (oidc-provider) in the test process, with one confidential client
 * whose redirect URI is `redirectUri`. Its interaction signs in whoever the test named with
 * signInNext and grants `openid email profile`, with no page in between. The claims are in the
 * ID token unless `claimsFromUserinfo`. `issuerHost` makes it
 * name another host as its issuer than the one it listens on (a provider that is not who it
 * claims to be).
 */
export async function startOidcProvider(options: {
  redirectUri: string;
  issuerHost?: string;
  /** Claims only from userinfo, none but `sub` in the ID token (as some providers do). */
  claimsFromUserinfo?: boolean;
}): Promise<TestOidcProvider> {
  const server = http.createServer();
  const port = await listenOnFreePort(server);
  const url = `http://127.0.0.1:${port}`;
  const issuer = `http://${options.issuerHost ?? '127.0.0.1'}:${port}`;
  const clientId = 'clientele-test';
  const clientSecret = 'a client secret long enough for HS256 and for everyone';
  const accounts = new Map<string, ProviderAccount>();
  let next: ProviderAccount | undefined;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk as NonNullable<Configuration['jwks']>['keys'][number]] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // With conformIdTokenClaims, the e-mail and name are only in userinfo.
    conformIdTokenClaims: options.claimsFromUserinfo ?? false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['test cookie key'] },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: account.email,
          email_verified: account.emailVerified ?? true,
          name: account.name ?? 'Sam Provider',
        }),
      };
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return void callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        if (!next) throw new Error('The test named nobody to sign in at the provider');
        accounts.set(next.email, next);
        const accountId = next.email;
        next = undefined;
        return provider.interactionFinished(
          req,
          res,
          { login: { accountId } },
          { mergeWithLastSubmission: false },
        );
      }
      const grant = new provider.Grant({
        accountId: details.session!.accountId,
        clientId: details.params.client_id as string,
      });
      grant.addOIDCScope('openid email profile');
      const grantId = await grant.save();
      return provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  return {
    issuer,
    url,
    clientId,
    clientSecret,
    signInNext: (account) => {
      next = account;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function listenOnFreePort(server: http.Server): Promise<number> {
  for (let port = FIRST_PORT; port <= LAST_PORT; port += 1) {
    const listening = await new Promise<boolean>((resolve) => {
      const onError = () => resolve(false);
      server.once('error', onError);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', onError);
        resolve(true);
      });
    });
    if (listening) return port;
  }
  throw new Error(`No free port between ${FIRST_PORT} and ${LAST_PORT}`);
}
