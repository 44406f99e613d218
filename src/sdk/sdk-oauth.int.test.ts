import { describe, expect, it } from 'vitest';
import {
  createClienteleClient,
  createOAuthClient,
  discoverOAuthServer,
  generatePkce,
  generateState,
  OAuthError,
} from '@clientele/sdk';
import { oauthAppInput } from '@/schemas/oauth-apps';
import { withTenant } from '@/server/db/tenant';
import { registerOAuthApp } from '@/server/domain/oauth/register-app';
import { setupApiServer } from '@/test/api-server';
import { addTestMember, createTestOrganization } from '@/test/factories';
import { OAuthBrowser } from '@/test/oauth-browser';

const { services, server } = setupApiServer();
const REDIRECT_URI = 'http://localhost:4812/callback';

async function registerApp(input: Record<string, unknown>) {
  const org = await createTestOrganization(services().db);
  const parsed = oauthAppInput.parse({ name: 'SDK app', ...input });
  const registered = await withTenant(services().db, org.id, (tx) =>
    registerOAuthApp(tx, org.id, parsed, null),
  );
  return { org, ...registered };
}

describe('the SDK against the authorization server', () => {
  it('gets a client-credentials token that the REST client uses', async () => {
    const { app, clientSecret } = await registerApp({
      kind: 'client_credentials',
      role: 'member',
      scopes: ['customers:read', 'customers:write'],
    });
    const metadata = await discoverOAuthServer(server.url);
    const oauth = createOAuthClient({
      issuer: server.url,
      clientId: app.clientId,
      clientSecret: clientSecret!,
      metadata,
    });
    const { access_token: token } = await oauth.clientCredentials('customers:read customers:write');
    const clientele = createClienteleClient({ baseUrl: server.url, apiKey: token });
    const created = await clientele.POST('/customers', {
      body: { firstName: 'Sdk', email: 'sdk-oauth@example.com' },
    });
    expect(created.data?.createdAt).toBeInstanceOf(Date);
    const listed = await clientele.GET('/customers', { params: { query: { q: 'sdk-oauth' } } });
    expect(listed.data?.items.map((customer) => customer.email)).toEqual(['sdk-oauth@example.com']);
  });

  it('connects a person with PKCE, refreshes, and refuses a spent refresh token', async () => {
    const { org, app } = await registerApp({
      kind: 'authorization_code',
      confidential: false,
      redirectUris: [REDIRECT_URI],
      scopes: ['customers:read'],
    });
    const person = await addTestMember(services().db, org, 'viewer');
    const oauth = createOAuthClient({ issuer: server.url, clientId: app.clientId });
    const pkce = await generatePkce();
    const state = generateState();
    const browser = new OAuthBrowser(server.url);
    await browser.signIn(services().db, person.id, org.id);
    const consentPage = await browser.follow(
      oauth
        .authorizationUrl({
          redirectUri: REDIRECT_URI,
          scope: 'customers:read offline_access',
          state,
          codeChallenge: pkce.codeChallenge,
        })
        .toString(),
    );
    const callback = await browser.answerConsent(consentPage, 'confirm');
    expect(callback.searchParams.get('state')).toBe(state);
    const tokens = await oauth.exchangeCode({
      code: callback.searchParams.get('code')!,
      redirectUri: REDIRECT_URI,
      codeVerifier: pkce.codeVerifier,
    });
    const refreshed = await oauth.refreshToken(tokens.refresh_token!);
    const clientele = createClienteleClient({
      baseUrl: server.url,
      apiKey: refreshed.access_token,
    });
    expect((await clientele.GET('/customers')).response.status).toBe(200);
    await expect(oauth.refreshToken(tokens.refresh_token!)).rejects.toBeInstanceOf(OAuthError);
    await expect(oauth.refreshToken(tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });
});
