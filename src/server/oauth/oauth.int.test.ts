import { randomUUID } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import * as oauth from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import { auditLogs } from '@/server/db/schema';
import { updateMemberRole, deleteMember } from '@/server/db/repositories/members';
import { withTenant } from '@/server/db/tenant';
import { registerOAuthApp } from '@/server/domain/oauth/register-app';
import { oauthAppInput } from '@/schemas/oauth-apps';
import { setupApiServer } from '@/test/api-server';
import {
  addTestMember,
  callerAs,
  createTestOrganization,
  ownerCaller,
  userPrincipal,
  type TestOrganization,
} from '@/test/factories';
import {
  authorizationRequest,
  connectApp,
  discoverAuthorizationServer,
  localHttp,
  OAuthBrowser,
} from '@/test/oauth-browser';
import { eq } from 'drizzle-orm';

const { services, server } = setupApiServer();
const http = localHttp;
const REDIRECT_URI = 'http://localhost:4810/callback';

const discover = () => discoverAuthorizationServer(server.url);

async function registerApp(org: TestOrganization, input: Record<string, unknown>) {
  const parsed = oauthAppInput.parse({ name: 'Test app', ...input });
  return withTenant(services().db, org.id, (tx) => registerOAuthApp(tx, org.id, parsed, null));
}

async function rest(token: string, path: string, init: RequestInit = {}) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
  return {
    status: res.status,
    body: (await res.json().catch(() => null)) as Record<string, unknown> | null,
  };
}

/** An app acting for people, and a member of its organization who connects it. */
async function connectedApp(scope = 'customers:read customers:write', role = 'member' as const) {
  const org = await createTestOrganization(services().db);
  const person = await addTestMember(services().db, org, role);
  const { app, clientSecret } = await registerApp(org, {
    kind: 'authorization_code',
    redirectUris: [REDIRECT_URI],
    scopes: ['customers:read', 'customers:write', 'customers:delete', 'deals:read'],
  });
  const connected = await connectApp(server.url, services().db, {
    userId: person.id,
    organizationId: org.id,
    clientId: app.clientId,
    clientSecret: clientSecret!,
    redirectUri: REDIRECT_URI,
    scope,
  });
  return { org, person, app, ...connected };
}

describe('the OAuth authorization server', () => {
  it('publishes RFC 8414 metadata for authorization code with S256 PKCE, refresh and client credentials', async () => {
    const as = await discover();
    expect(as).toMatchObject({
      issuer: server.url,
      authorization_endpoint: `${server.url}/oauth/authorize`,
      token_endpoint: `${server.url}/oauth/token`,
      revocation_endpoint: `${server.url}/oauth/revoke`,
      introspection_endpoint: `${server.url}/oauth/introspect`,
      jwks_uri: `${server.url}/.well-known/jwks.json`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(as.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']),
    );
  });

  it('issues a client-credentials app a signed JWT that works on REST as the app, within its scopes', async () => {
    const org = await createTestOrganization(services().db);
    const { app, clientSecret } = await registerApp(org, {
      kind: 'client_credentials',
      role: 'manager',
      scopes: ['customers:read', 'customers:write'],
    });
    const as = await discover();
    const client: oauth.Client = { client_id: app.clientId };
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      client,
      oauth.ClientSecretBasic(clientSecret!),
      { scope: 'customers:read customers:write' },
      http,
    );
    const { access_token: token, expires_in } = await oauth.processClientCredentialsResponse(
      as,
      client,
      response,
    );
    expect(expires_in).toBeLessThanOrEqual(600);

    const { payload, protectedHeader } = await jwtVerify(
      token,
      createRemoteJWKSet(new URL(as.jwks_uri!), {
        [Symbol.for('jose.allowInsecure')]: true,
      } as never),
      { issuer: server.url, audience: `${server.url}/api/v1` },
    );
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toMatchObject({
      sub: `client:${app.clientId}`,
      org: org.id,
      scope: 'customers:read customers:write',
      client_id: app.clientId,
    });

    const created = await rest(token, '/customers', {
      method: 'POST',
      body: JSON.stringify({ firstName: 'Ada', email: 'ada@example.com' }),
    });
    expect(created.status).toBe(200);
    const [row] = await withTenant(services().db, org.id, (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(eq(auditLogs.entityId, String(created.body!.id))),
    );
    expect(row).toMatchObject({ actorType: 'oauth_app', actorId: app.id, appId: app.id });
    // The app's role allows deleting; its token was not granted it.
    expect(
      (await rest(token, `/customers/${String(created.body!.id)}`, { method: 'DELETE' })).status,
    ).toBe(403);
  });

  it('refuses a wrong client secret', async () => {
    const org = await createTestOrganization(services().db);
    const { app } = await registerApp(org, {
      kind: 'client_credentials',
      role: 'viewer',
      scopes: ['customers:read'],
    });
    const as = await discover();
    const client: oauth.Client = { client_id: app.clientId };
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      client,
      oauth.ClientSecretBasic('clt_secret_wrong'),
      { scope: 'customers:read' },
      http,
    );
    await expect(
      oauth.processClientCredentialsResponse(as, client, response),
    ).rejects.toMatchObject({
      cause: [
        expect.objectContaining({
          parameters: expect.objectContaining({ error: 'invalid_client' }),
        }),
      ],
    });
  });

  it('lets a person connect an app with PKCE; the token acts as them through the app', async () => {
    const { org, person, app, tokens } = await connectedApp();
    expect(tokens.refresh_token).toBeTruthy();
    const created = await rest(tokens.access_token, '/customers', {
      method: 'POST',
      body: JSON.stringify({ firstName: 'Grace', email: 'grace@example.com' }),
    });
    expect(created.status).toBe(200);
    const [row] = await withTenant(services().db, org.id, (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(eq(auditLogs.entityId, String(created.body!.id))),
    );
    expect(row).toMatchObject({ actorType: 'user', actorId: person.id, appId: app.id });
    // Granted customers:read and customers:write only.
    expect((await rest(tokens.access_token, '/deals')).status).toBe(403);
  });

  it('rotates refresh tokens, and a reused one revokes the whole grant', async () => {
    const { as, client, clientAuth, tokens } = await connectedApp();
    const first = tokens.refresh_token!;
    const rotated = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, clientAuth, first, http),
    );
    expect(rotated.refresh_token).toBeTruthy();
    expect(rotated.refresh_token).not.toBe(first);
    expect((await rest(rotated.access_token, '/customers')).status).toBe(200);

    const reuse = await oauth.refreshTokenGrantRequest(as, client, clientAuth, first, http);
    await expect(oauth.processRefreshTokenResponse(as, client, reuse)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    const afterReuse = await oauth.refreshTokenGrantRequest(
      as,
      client,
      clientAuth,
      rotated.refresh_token!,
      http,
    );
    await expect(oauth.processRefreshTokenResponse(as, client, afterReuse)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    // The grant is gone, so are its access tokens, before they expire.
    expect((await rest(rotated.access_token, '/customers')).status).toBe(401);
  });

  it('holds a token to its person\u2019s role at each request: demotion and removal act at once', async () => {
    const { org, person, tokens } = await connectedApp();
    const create = () =>
      rest(tokens.access_token, '/customers', {
        method: 'POST',
        body: JSON.stringify({ firstName: 'Ann', email: `ann-${Math.random()}@example.com` }),
      });
    expect((await create()).status).toBe(200);
    await withTenant(services().db, org.id, (tx) => updateMemberRole(tx, person.id, 'viewer'));
    expect((await create()).status).toBe(403);
    expect((await rest(tokens.access_token, '/customers')).status).toBe(200);
    await withTenant(services().db, org.id, (tx) => deleteMember(tx, person.id));
    expect((await rest(tokens.access_token, '/customers')).status).toBe(401);
  });

  it('revokes a refresh token (RFC 7009), ending its grant', async () => {
    const { as, client, clientAuth, tokens } = await connectedApp();
    const response = await oauth.revocationRequest(
      as,
      client,
      clientAuth,
      tokens.refresh_token!,
      http,
    );
    await oauth.processRevocationResponse(response);
    expect((await rest(tokens.access_token, '/customers')).status).toBe(401);
  });

  it('introspects its own tokens (RFC 7662): active while they work, inactive once revoked', async () => {
    const { as, client, clientAuth, tokens, person } = await connectedApp();
    const introspect = async (token: string) =>
      oauth.processIntrospectionResponse(
        as,
        client,
        await oauth.introspectionRequest(as, client, clientAuth, token, http),
      );
    expect(await introspect(tokens.access_token)).toMatchObject({
      active: true,
      sub: person.id,
      client_id: client.client_id,
      scope: 'customers:read customers:write',
    });
    expect(await introspect(tokens.refresh_token!)).toMatchObject({ active: true });
    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, client, clientAuth, tokens.refresh_token!, http),
    );
    expect(await introspect(tokens.access_token)).toEqual({ active: false });
    expect(await introspect(tokens.refresh_token!)).toEqual({ active: false });
  });

  it('refuses an authorization request without S256 PKCE, or for a redirect URI not registered', async () => {
    const org = await createTestOrganization(services().db);
    const person = await addTestMember(services().db, org, 'member');
    const { app } = await registerApp(org, {
      kind: 'authorization_code',
      confidential: false,
      redirectUris: [REDIRECT_URI],
      scopes: ['customers:read'],
    });
    const as = await discover();
    const client: oauth.Client = { client_id: app.clientId, token_endpoint_auth_method: 'none' };
    const browser = new OAuthBrowser(server.url);
    await browser.signIn(services().db, person.id, org.id);

    const plain = await authorizationRequest(as, client, REDIRECT_URI, 'customers:read');
    plain.url.searchParams.set('code_challenge', plain.codeVerifier);
    plain.url.searchParams.set('code_challenge_method', 'plain');
    const refusedPlain = await browser.follow(plain.url.href);
    expect(refusedPlain.origin).toBe('http://localhost:4810');
    expect(refusedPlain.searchParams.get('error')).toBe('invalid_request');

    const none = await authorizationRequest(as, client, REDIRECT_URI, 'customers:read');
    none.url.searchParams.delete('code_challenge');
    none.url.searchParams.delete('code_challenge_method');
    const refusedNone = await browser.follow(none.url.href);
    expect(refusedNone.searchParams.get('error')).toBe('invalid_request');

    const elsewhere = await authorizationRequest(
      as,
      client,
      'http://localhost:4810/callback/other',
      'customers:read',
    );
    const res = await browser.fetch(elsewhere.url.href);
    // Never sent to an unregistered address: an error page here instead.
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('redirect_uri');
  });

  it('gives MCP clients tokens for the MCP server, which its tools accept', async () => {
    const { person, as, client, clientAuth, browser } = await connectedApp();
    const mcpResource = `${server.url}/api/mcp`;
    const request = await authorizationRequest(as, client, REDIRECT_URI, 'customers:read', {
      resource: mcpResource,
    });
    // The grant so far covers the REST API only: the person is asked again for the MCP server.
    const consentPage = await browser.follow(request.url.href);
    expect(consentPage.pathname).toBe('/oauth/consent');
    const callback = await browser.answerConsent(consentPage, 'confirm');
    const params = oauth.validateAuthResponse(as, client, callback, request.state);
    const tokens = await oauth.processAuthorizationCodeResponse(
      as,
      client,
      await oauth.authorizationCodeGrantRequest(
        as,
        client,
        clientAuth,
        params,
        REDIRECT_URI,
        request.codeVerifier,
        { ...http, additionalParameters: { resource: mcpResource } },
      ),
    );
    expect(decodeJwt(tokens.access_token).aud).toBe(mcpResource);

    const agent = new Client({ name: 'Inspector', version: '0.1' });
    await agent.connect(
      new StreamableHTTPClientTransport(new URL(mcpResource), {
        requestInit: { headers: { authorization: `Bearer ${tokens.access_token}` } },
      }),
    );
    try {
      const listed = await agent.callTool({ name: 'customers_list', arguments: {} });
      expect(listed.isError).toBeFalsy();
      // Granted customers:read only.
      const refused = await agent.callTool({
        name: 'tasks_create',
        arguments: { title: 'Call back', assigneeId: person.id },
      });
      expect(refused.isError).toBe(true);
      expect(JSON.stringify(refused.content)).toContain('FORBIDDEN');
    } finally {
      await agent.close();
    }
  });

  it('shows admins every grant of their apps to revoke, and each person their own', async () => {
    const first = await connectedApp();
    const admin = ownerCaller(services(), first.org);
    const { items: listed } = await admin.apps.grants({});
    expect(listed).toEqual([
      expect.objectContaining({
        app: { id: first.app.id, name: 'Test app' },
        user: expect.objectContaining({ id: first.person.id }),
        scopes: ['customers:read', 'customers:write'],
      }),
    ]);
    expect((await admin.apps.grants({ appId: first.app.id })).items).toEqual(listed);
    expect((await admin.apps.grants({ appId: randomUUID() })).items).toEqual([]);
    const [grant] = listed;
    expect(await admin.apps.revokeGrant({ grantId: grant!.grantId })).toEqual(grant);
    expect((await rest(first.tokens.access_token, '/customers')).status).toBe(401);
    expect((await admin.apps.grants({})).items).toEqual([]);
    // Another organization's admin cannot reach it.
    const stranger = ownerCaller(services(), await createTestOrganization(services().db));
    await expect(stranger.apps.revokeGrant({ grantId: grant!.grantId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const second = await connectedApp();
    const person = callerAs(
      services(),
      userPrincipal(second.org, { id: second.person.id }, 'member'),
    );
    const [connected] = await person.account.connectedApps();
    expect(connected).toMatchObject({
      app: { clientId: second.app.clientId },
      organization: { slug: second.org.slug },
      scopes: ['customers:read', 'customers:write'],
    });
    // Someone else's grant is no one's to disconnect but theirs.
    const other = callerAs(services(), userPrincipal(first.org, { id: first.person.id }, 'member'));
    await expect(
      other.account.disconnectApp({ grantId: connected!.grantId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await rest(second.tokens.access_token, '/customers')).status).toBe(200);
    await person.account.disconnectApp({ grantId: connected!.grantId });
    expect(await person.account.connectedApps()).toEqual([]);
    expect((await rest(second.tokens.access_token, '/customers')).status).toBe(401);
  });

  it('lets admins register, change, re-key and delete apps, refusing an app left invalid', async () => {
    const org = await createTestOrganization(services().db);
    const admin = ownerCaller(services(), org);
    const { app, clientSecret } = await admin.apps.create({
      name: 'Portal',
      kind: 'authorization_code',
      redirectUris: [REDIRECT_URI],
      scopes: ['customers:read'],
    });
    expect(clientSecret).toMatch(/^clt_secret_/);
    const { items: apps } = await admin.apps.list({});
    expect(apps).toEqual([expect.objectContaining({ id: app.id, name: 'Portal' })]);
    for (const listed of apps) expect(listed).not.toHaveProperty('secretHash');
    await expect(admin.apps.update({ id: app.id, redirectUris: [] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const renamed = await admin.apps.update({ id: app.id, name: 'Portal 2' });
    expect(renamed).toMatchObject({ name: 'Portal 2', redirectUris: [REDIRECT_URI] });

    const as = await discover();
    const client: oauth.Client = { client_id: app.clientId };
    const { clientSecret: rotated } = await admin.apps.rotateSecret({ id: app.id });
    const introspectWith = (secret: string) =>
      oauth.introspectionRequest(as, client, oauth.ClientSecretBasic(secret), 'x.y.z', http);
    expect((await introspectWith(clientSecret!)).status).toBe(401);
    expect((await introspectWith(rotated)).status).toBe(200);

    await admin.apps.delete({ id: app.id });
    expect((await admin.apps.list({})).items).toEqual([]);
    const stranger = ownerCaller(services(), await createTestOrganization(services().db));
    await expect(stranger.apps.delete({ id: app.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('sends a person who is not signed in to the sign-in page, and back', async () => {
    const org = await createTestOrganization(services().db);
    const { app } = await registerApp(org, {
      kind: 'authorization_code',
      redirectUris: [REDIRECT_URI],
      scopes: ['customers:read'],
    });
    const as = await discover();
    const request = await authorizationRequest(
      as,
      { client_id: app.clientId },
      REDIRECT_URI,
      'customers:read',
    );
    const landed = await new OAuthBrowser(server.url).follow(request.url.href);
    expect(landed.pathname).toBe('/sign-in');
    expect(landed.searchParams.get('next')).toMatch(/^\/oauth\/interaction\//);
  });
});
