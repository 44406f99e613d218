import * as oauth from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import {
  codeChallengeOf,
  createOAuthClient,
  discoverOAuthServer,
  generatePkce,
  OAuthError,
} from '@clientele/sdk/oauth';

const issuer = 'https://crm.example.com';
const server = {
  issuer,
  authorization_endpoint: `${issuer}/oauth/authorize`,
  token_endpoint: `${issuer}/oauth/token`,
};
const clientId = 'app_1 (test)';
const clientSecret = "s3cr3t-with_all.the!~*'()chars and space";
const redirectUri = 'https://app.example.com/callback';

interface Captured {
  method: string;
  url: string;
  contentType: string | null;
  authorization: string | null;
  body: [string, string][];
}

/** A fetch that records the token request and answers with a token. */
function capturing() {
  const requests: Captured[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({
      method: request.method,
      url: request.url,
      contentType: request.headers.get('content-type')?.split(';')[0] ?? null,
      authorization: request.headers.get('authorization'),
      body: [...new URLSearchParams(await request.text())].sort(),
    });
    return Response.json({ access_token: 'at', token_type: 'Bearer', expires_in: 3600 });
  };
  return { requests, fetch };
}

describe('PKCE', () => {
  it('computes RFC 7636 appendix B’s S256 challenge', async () => {
    expect(await codeChallengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes fresh 43-character verifiers whose challenge oauth4webapi agrees with', async () => {
    const first = await generatePkce();
    const second = await generatePkce();
    expect(first.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.codeVerifier).not.toBe(second.codeVerifier);
    expect(first.codeChallengeMethod).toBe('S256');
    expect(first.codeChallenge).toBe(await oauth.calculatePKCECodeChallenge(first.codeVerifier));
  });
});

describe('the authorization URL', () => {
  it('asks for a code with PKCE S256 at /oauth/authorize', () => {
    const client = createOAuthClient({ issuer, clientId });
    const url = client.authorizationUrl({
      redirectUri,
      scope: 'customers:read customers:write',
      state: 'st',
      codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    });
    expect(url.origin + url.pathname).toBe(server.authorization_endpoint);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUri,
      scope: 'customers:read customers:write',
      state: 'st',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
  });
});

describe('token requests, as oauth4webapi sends them', () => {
  const options = (fetch: typeof globalThis.fetch) => ({ [oauth.customFetch]: fetch });

  it('exchanges a code (confidential client, client_secret_basic)', async () => {
    const ours = capturing();
    const theirs = capturing();
    const tokens = await createOAuthClient({
      issuer,
      clientId,
      clientSecret,
      fetch: ours.fetch,
    }).exchangeCode({ code: 'the-code', redirectUri, codeVerifier: 'verifier' });
    expect(tokens.access_token).toBe('at');
    const callback = oauth.validateAuthResponse(
      server,
      { client_id: clientId },
      new URL(`${redirectUri}?code=the-code&state=st`),
      'st',
    );
    await oauth.authorizationCodeGrantRequest(
      server,
      { client_id: clientId },
      oauth.ClientSecretBasic(clientSecret),
      callback,
      redirectUri,
      'verifier',
      options(theirs.fetch),
    );
    expect(ours.requests).toEqual(theirs.requests);
    expect(ours.requests[0]).toMatchObject({ method: 'POST', url: server.token_endpoint });
    expect(ours.requests[0]!.contentType).toBe('application/x-www-form-urlencoded');
  });

  it('exchanges a code (public client: client_id in the body, no secret)', async () => {
    const ours = capturing();
    const theirs = capturing();
    await createOAuthClient({ issuer, clientId, fetch: ours.fetch }).exchangeCode({
      code: 'c',
      redirectUri,
      codeVerifier: 'v',
    });
    await oauth.authorizationCodeGrantRequest(
      server,
      { client_id: clientId },
      oauth.None(),
      oauth.validateAuthResponse(
        server,
        { client_id: clientId },
        new URL(`${redirectUri}?code=c&state=st`),
        'st',
      ),
      redirectUri,
      'v',
      options(theirs.fetch),
    );
    expect(ours.requests).toEqual(theirs.requests);
  });

  it('refreshes a token (client_secret_post)', async () => {
    const ours = capturing();
    const theirs = capturing();
    await createOAuthClient({
      issuer,
      clientId,
      clientSecret,
      clientAuthentication: 'client_secret_post',
      fetch: ours.fetch,
    }).refreshToken('rt-1');
    await oauth.refreshTokenGrantRequest(
      server,
      { client_id: clientId },
      oauth.ClientSecretPost(clientSecret),
      'rt-1',
      options(theirs.fetch),
    );
    expect(ours.requests).toEqual(theirs.requests);
  });

  it('asks for a client-credentials token with a scope', async () => {
    const ours = capturing();
    const theirs = capturing();
    await createOAuthClient({
      issuer,
      clientId,
      clientSecret,
      fetch: ours.fetch,
    }).clientCredentials('customers:read');
    await oauth.clientCredentialsGrantRequest(
      server,
      { client_id: clientId },
      oauth.ClientSecretBasic(clientSecret),
      { scope: 'customers:read' },
      options(theirs.fetch),
    );
    expect(ours.requests).toEqual(theirs.requests);
  });

  it('throws the server’s OAuth error', async () => {
    const client = createOAuthClient({
      issuer,
      clientId,
      fetch: async () =>
        Response.json({ error: 'invalid_grant', error_description: 'Code used' }, { status: 400 }),
    });
    const error = await client
      .exchangeCode({ code: 'c', redirectUri, codeVerifier: 'v' })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({
      status: 400,
      error: 'invalid_grant',
      errorDescription: 'Code used',
    });
  });
});

describe('discovery', () => {
  it('reads the metadata at /.well-known/oauth-authorization-server and checks the issuer', async () => {
    const asked: string[] = [];
    const answer = (metadata: object) => async (input: RequestInfo | URL) => {
      asked.push(String(input));
      return Response.json(metadata);
    };
    expect(await discoverOAuthServer(`${issuer}/`, answer(server))).toEqual(server);
    expect(asked).toEqual([`${issuer}/.well-known/oauth-authorization-server`]);
    await expect(
      discoverOAuthServer(issuer, answer({ ...server, issuer: 'https://evil.example' })),
    ).rejects.toThrow(/not https:\/\/crm.example.com/);
  });
});
