import { randomUUID } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import { addTestMember, type TestOrganization } from '@/test/factories';
import { setupIntegrators, type RestCall } from '@/test/integrator';
import { connectApp, discoverAuthorizationServer, localHttp } from '@/test/oauth-browser';
import type { Body } from '@/test/rest-client';

// An integrator's OAuth apps, managed over REST with an admin's API key, or by an admin
// through an app they connected (a client-credentials app's secret is for people only).
const { client, integrator, server, services } = setupIntegrators();
const REDIRECT_URI = 'https://portal.example.com/callback';

/** An access token for the app, from /oauth/token with its secret (client credentials). */
async function clientCredentialsToken(clientId: string, clientSecret: string, scope: string) {
  const as = await discoverAuthorizationServer(server.url);
  const client: oauth.Client = { client_id: clientId };
  const response = await oauth.clientCredentialsGrantRequest(
    as,
    client,
    oauth.ClientSecretBasic(clientSecret),
    { scope },
    localHttp,
  );
  return (await oauth.processClientCredentialsResponse(as, client, response)).access_token;
}

const refusedClient = {
  cause: [
    expect.objectContaining({ parameters: expect.objectContaining({ error: 'invalid_client' }) }),
  ],
};

/** The status a bearer token (an OAuth access token) gets from GET /customers. */
const customersStatusWith = async (token: string) =>
  (await fetch(`${server.url}/api/v1/customers`, { headers: { authorization: `Bearer ${token}` } }))
    .status;

const serverApp = {
  name: 'Billing sync',
  kind: 'client_credentials',
  role: 'manager',
  scopes: ['customers:read'],
};

const peopleApp = {
  name: 'Portal',
  kind: 'authorization_code',
  redirectUris: [REDIRECT_URI],
  scopes: ['customers:read'],
};

async function registered(call: RestCall, body: object = peopleApp) {
  const created = await call('POST', '/apps', { body });
  expect(created.status).toBe(200);
  return created.body as { app: Body; clientSecret: string | null };
}

/** A REST client acting as an admin of `org` through a console app they connected. */
async function adminThroughApp(org: TestOrganization, keyCall: RestCall) {
  const admin = await addTestMember(services().db, org, 'admin');
  const { app, clientSecret } = await registered(keyCall, {
    ...peopleApp,
    name: 'Console',
    scopes: ['apps:manage'],
  });
  const { tokens } = await connectApp(server.url, services().db, {
    userId: admin.id,
    organizationId: org.id,
    clientId: app.clientId,
    clientSecret: clientSecret!,
    redirectUri: REDIRECT_URI,
    scope: 'apps:manage',
  });
  return { console: app, call: client(tokens.access_token) };
}

describe('OAuth apps over REST', () => {
  it('registers an app whose secret works at /oauth/token until it is rotated, then changes and deletes it', async () => {
    const owner = await integrator('admin', 'Apps Org');
    const { console, call } = await adminThroughApp(owner.org, owner.call);
    const { app, clientSecret } = await registered(call, serverApp);
    expect(clientSecret).toMatch(/^clt_secret_/);
    expect(app).toMatchObject({ name: 'Billing sync', role: 'manager', confidential: true });
    // The secret is in that answer only.
    const read = await call('GET', `/apps/${app.id}`);
    expect(read.body).toEqual(app);
    const listed = await call('GET', '/apps');
    expect(listed.body).toEqual({ items: [app, console], nextCursor: null });
    expect(JSON.stringify([read.body, listed.body])).not.toContain(clientSecret);

    const token = await clientCredentialsToken(app.clientId, clientSecret!, 'customers:read');
    expect(await customersStatusWith(token)).toBe(200);

    const rotated = await call('POST', `/apps/${app.id}/rotate-secret`, { body: {} });
    expect(rotated.status).toBe(200);
    const newSecret = rotated.body.clientSecret as string;
    expect(newSecret).toMatch(/^clt_secret_/);
    expect(newSecret).not.toBe(clientSecret);
    await expect(
      clientCredentialsToken(app.clientId, clientSecret!, 'customers:read'),
    ).rejects.toMatchObject(refusedClient);
    expect(JSON.stringify((await call('GET', `/apps/${app.id}`)).body)).not.toContain(newSecret);

    const updated = await call('PATCH', `/apps/${app.id}`, {
      body: { name: 'Billing', scopes: ['customers:read', 'customers:write'], role: 'member' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      id: app.id,
      name: 'Billing',
      kind: 'client_credentials',
      scopes: ['customers:read', 'customers:write'],
      role: 'member',
    });
    const wider = await clientCredentialsToken(
      app.clientId,
      newSecret,
      'customers:read customers:write',
    );
    expect(await customersStatusWith(wider)).toBe(200);

    const deleted = await call('DELETE', `/apps/${app.id}`);
    expect(deleted).toMatchObject({ status: 200, body: { id: app.id } });
    expect((await call('GET', `/apps/${app.id}`)).status).toBe(404);
    expect((await call('GET', '/apps')).body.items).toEqual([console]);
    expect(await customersStatusWith(wider)).toBe(401);
    await expect(
      clientCredentialsToken(app.clientId, newSecret, 'customers:read'),
    ).rejects.toMatchObject(refusedClient);
  });

  it('lists the grants people gave an app and revokes one, ending its tokens', async () => {
    const { org, call } = await integrator('admin', 'Grants Org');
    const person = await addTestMember(services().db, org, 'member');
    const { app, clientSecret } = await registered(call);
    const { tokens } = await connectApp(server.url, services().db, {
      userId: person.id,
      organizationId: org.id,
      clientId: app.clientId,
      clientSecret: clientSecret!,
      redirectUri: REDIRECT_URI,
      scope: 'customers:read',
    });
    expect(await customersStatusWith(tokens.access_token)).toBe(200);

    const grants = await call('GET', `/app-grants?appId=${app.id}`);
    expect(grants.body).toEqual({
      items: [
        expect.objectContaining({
          app: { id: app.id, name: 'Portal' },
          user: expect.objectContaining({ id: person.id }),
          scopes: ['customers:read'],
        }),
      ],
      nextCursor: null,
    });
    expect((await call('GET', '/app-grants')).body).toEqual(grants.body);
    expect((await call('GET', `/app-grants?appId=${randomUUID()}`)).body.items).toEqual([]);
    const grant = grants.body.items[0] as Body;

    const stranger = (await integrator('admin', 'Stranger Org')).call;
    expect((await stranger('GET', '/app-grants')).body.items).toEqual([]);
    expect((await stranger('DELETE', `/app-grants/${grant.grantId}`)).status).toBe(404);
    expect(await customersStatusWith(tokens.access_token)).toBe(200);

    const revoked = await call('DELETE', `/app-grants/${grant.grantId}`);
    expect(revoked).toMatchObject({ status: 200, body: grant });
    expect(await customersStatusWith(tokens.access_token)).toBe(401);
    expect((await call('GET', '/app-grants')).body.items).toEqual([]);
    expect((await call('DELETE', `/app-grants/${grant.grantId}`)).status).toBe(404);
  });

  it("is for admins: a member's key is refused (403), and another organization's apps are not found", async () => {
    const { call, keyFor } = await integrator('admin', 'Own Org');
    const { app } = await registered(call);
    const member = await keyFor('member');
    const stranger = (await integrator('admin', 'Other Org')).call;
    const onApp: [string, string, object?][] = [
      ['GET', `/apps/${app.id}`],
      ['PATCH', `/apps/${app.id}`, { name: 'Taken over' }],
      ['POST', `/apps/${app.id}/rotate-secret`, {}],
      ['DELETE', `/apps/${app.id}`],
    ];
    const everything: [string, string, object?][] = [
      ['GET', '/apps'],
      ['POST', '/apps', serverApp],
      ['GET', '/app-grants'],
      ['DELETE', `/app-grants/${randomUUID()}`],
      ...onApp,
    ];
    for (const [method, path, body] of everything) {
      const res = await member(method, path, { body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    for (const [method, path, body] of onApp) {
      const res = await stranger(method, path, { body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect((await stranger('GET', '/apps')).body.items).toEqual([]);
    expect((await call('GET', '/apps')).body.items).toEqual([app]);
  });

  it('refuses a bad redirect URI or a change of kind (400), changing nothing', async () => {
    const { call } = await integrator('admin', 'Strict Org');
    const plainHttp = await call('POST', '/apps', {
      body: {
        name: 'Portal',
        kind: 'authorization_code',
        redirectUris: ['http://portal.example.com/callback'],
        scopes: ['customers:read'],
      },
    });
    expect(plainHttp.status).toBe(400);
    expect(plainHttp.body.issues).toEqual([
      { path: ['redirectUris', 0], message: expect.stringContaining('https') },
    ]);
    expect((await call('GET', '/apps')).body.items).toEqual([]);

    const { app } = await registered(call);
    const withFragment = await call('PATCH', `/apps/${app.id}`, {
      body: { name: 'Renamed', redirectUris: [`${REDIRECT_URI}#top`] },
    });
    expect(withFragment.status).toBe(400);
    expect(withFragment.body.issues).toEqual([
      { path: ['redirectUris', 0], message: expect.stringContaining('fragment') },
    ]);
    const otherKind = await call('PATCH', `/apps/${app.id}`, {
      body: { name: 'Renamed', kind: 'client_credentials', role: 'viewer' },
    });
    expect(otherKind.status).toBe(400);
    expect(otherKind.body.issues).toEqual([
      { path: ['kind'], message: 'is not a field that can be set' },
    ]);
    const none = await call('PATCH', `/apps/${app.id}`, { body: { redirectUris: [] } });
    expect(none.status).toBe(400);
    expect(none.body.issues).toEqual([{ path: ['redirectUris'], message: 'needs at least one' }]);
    expect((await call('GET', `/apps/${app.id}`)).body).toEqual(app);
    const trail = await call('GET', `/audit-logs?entityType=oauth_app&entityId=${app.id}`);
    expect(trail.body.items.map((entry: Body) => entry.action)).toEqual(['oauth_app.created']);
  });

  it("refuses an API key a client-credentials app's secret (403), as it refuses it new keys", async () => {
    const { org, call: keyCall } = await integrator('admin', 'Guarded Org');
    const refused = await keyCall('POST', '/apps', { body: serverApp });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/only a person/i);
    expect((await keyCall('GET', '/apps')).body.items).toEqual([]);

    const { call } = await adminThroughApp(org, keyCall);
    const { app, clientSecret } = await registered(call, serverApp);
    const rotation = await keyCall('POST', `/apps/${app.id}/rotate-secret`, { body: {} });
    expect(rotation.status).toBe(403);
    const token = await clientCredentialsToken(app.clientId, clientSecret!, 'customers:read');
    expect(await customersStatusWith(token)).toBe(200);
    // Nor may an app acting as itself, even one allowed to manage apps.
    const manager = await registered(call, {
      ...serverApp,
      name: 'Self-managing',
      role: 'admin',
      scopes: ['apps:manage'],
    });
    const asItself = client(
      await clientCredentialsToken(manager.app.clientId, manager.clientSecret!, 'apps:manage'),
    );
    expect((await asItself('GET', '/apps')).status).toBe(200);
    for (const [path, body] of [
      [`/apps/${manager.app.id}/rotate-secret`, {}],
      ['/apps', serverApp],
    ] as const) {
      const res = await asItself('POST', path, { body });
      expect(res.status, path).toBe(403);
      expect(res.body.message).toMatch(/only a person/i);
    }

    const trail = await keyCall('GET', `/audit-logs?entityType=oauth_app&entityId=${app.id}`);
    expect(trail.body.items.map((entry: Body) => entry.action)).toEqual(['oauth_app.created']);
  });
});
