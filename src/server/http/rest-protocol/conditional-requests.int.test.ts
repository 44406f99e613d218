import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addTestMember } from '@/test/factories';
import { connectApp } from '@/test/oauth-browser';
import { setupRestTenant, type Body } from '@/test/rest-client';
import { operations } from './documented-operations';

/**
 * HTTP as generated clients, browsers and caches speak it to the REST door: conditional requests.
 */
const { rest, post, tenant, connection } = setupRestTenant('Protocol Org');

/** An app acting for people, and the grant one member gave it. */
async function appWithGrant() {
  const redirectUri = 'https://portal.example.com/callback';
  const { app, clientSecret } = await post('/apps', {
    name: 'Guarded',
    kind: 'authorization_code',
    redirectUris: [redirectUri],
    scopes: ['customers:read'],
  });
  const person = await addTestMember(connection().db, tenant.org, 'member');
  await connectApp(tenant.server.url, connection().db, {
    userId: person.id,
    organizationId: tenant.org.id,
    clientId: app.clientId,
    clientSecret,
    redirectUri,
    scope: 'customers:read',
  });
  const grants = (await (await rest(`/app-grants?appId=${app.id}`)).json()) as Body;
  return { app: app as Body, grant: grants.items[0] as Body };
}

/** A PATCH of the customer, sent with this If-Match. */
const patchCustomer = (id: string, body: object, ifMatch: string) =>
  rest(`/customers/${id}`, {
    method: 'PATCH',
    body: JSON.stringify(body),
    headers: { 'if-match': ifMatch },
  });

describe('conditional requests', () => {
  it('tags single resources, answers If-None-Match with 304, and retags on change', async () => {
    const customer = await post('/customers', { firstName: 'Tagged' });
    const first = await rest(`/customers/${customer.id}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect((await rest(`/customers/${customer.id}`)).headers.get('etag')).toBe(etag);

    const unchanged = await rest(`/customers/${customer.id}`, {
      headers: { 'if-none-match': `"other", ${etag}` },
    });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect(await unchanged.text()).toBe('');
    expect(
      (await rest(`/customers/${customer.id}`, { headers: { 'if-none-match': `W/${etag}` } }))
        .status,
    ).toBe(304);

    const patched = await patchCustomer(customer.id, { lastName: 'Again' }, etag);
    expect(patched.status).toBe(200);
    const newTag = patched.headers.get('etag');
    expect(newTag).not.toBe(etag);
    const reread = await rest(`/customers/${customer.id}`, { headers: { 'if-none-match': etag } });
    expect(reread.status).toBe(200);
    expect(reread.headers.get('etag')).toBe(newTag);
  });

  it('refuses a PATCH or DELETE whose If-Match is stale (412) and changes nothing', async () => {
    const customer = await post('/customers', { firstName: 'Guarded' });
    const stale = (await rest(`/customers/${customer.id}`)).headers.get('etag')!;
    await rest(`/customers/${customer.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ lastName: 'Meanwhile' }),
    });

    const lost = await patchCustomer(customer.id, { lastName: 'Overwrite' }, stale);
    expect(lost.status).toBe(412);
    expect(await lost.json()).toMatchObject({ code: 'PRECONDITION_FAILED' });
    const removed = await rest(`/customers/${customer.id}`, {
      method: 'DELETE',
      headers: { 'if-match': stale },
    });
    expect(removed.status).toBe(412);

    const current = await rest(`/customers/${customer.id}`);
    expect(await current.json()).toMatchObject({ lastName: 'Meanwhile', version: 2 });
    const deleted = await rest(`/customers/${customer.id}`, {
      method: 'DELETE',
      headers: { 'if-match': `"other", ${current.headers.get('etag')}` },
    });
    expect(deleted.status).toBe(200);
  });

  it('compares If-Match strongly, and takes * for any current resource', async () => {
    const customer = await post('/customers', { firstName: 'Strong' });
    const etag = (await rest(`/customers/${customer.id}`)).headers.get('etag')!;
    const weak = await patchCustomer(customer.id, { lastName: 'Weak' }, `W/${etag}`);
    expect(weak.status).toBe(412);
    const any = await patchCustomer(customer.id, { lastName: 'Any' }, '*');
    expect(any.status).toBe(200);
    const missing = await patchCustomer(randomUUID(), { lastName: 'Nobody' }, '*');
    expect(missing.status).toBe(404);
  });

  it('keeps expectedVersion working beside If-Match (409 when stale)', async () => {
    const customer = await post('/customers', { firstName: 'Versioned' });
    const etag = (await rest(`/customers/${customer.id}`)).headers.get('etag')!;
    const res = await patchCustomer(
      customer.id,
      { lastName: 'X', expectedVersion: customer.version + 1 },
      etag,
    );
    expect(res.status).toBe(409);
    const ok = await patchCustomer(
      customer.id,
      { lastName: 'Y', expectedVersion: customer.version },
      etag,
    );
    expect(ok.status).toBe(200);
  });

  it('honours If-Match on every PATCH, PUT and DELETE of the document', async () => {
    const customer = await post('/customers', { firstName: 'Everything' });
    const interaction = await post(`/customers/${customer.id}/interactions`, {
      type: 'note',
      subject: 'Hello',
      content: 'First',
    });
    const order = await post(`/customers/${customer.id}/orders`, {
      currency: 'EUR',
      lines: [{ description: 'Widget', quantity: 1, unitPriceCents: 100 }],
    });
    const { endpoint } = await post('/webhooks', {
      url: 'https://hooks.example.com/conditional',
      eventTypes: ['customer.created'],
    });
    const deal = await post('/deals', { title: 'Guarded', currency: 'EUR' });
    const pipeline = await post('/pipelines', {
      name: 'Guarded',
      stages: [{ name: 'Only', probability: 50 }],
    });
    const company = await post('/companies', { name: 'Conditional', allowDuplicate: true });
    const task = await post('/tasks', { title: 'Guarded' });
    const { app, grant } = await appWithGrant();
    const requests: Record<string, { path: string; body?: unknown }> = {
      'PATCH /customers/{id}': { path: `/customers/${customer.id}`, body: { lastName: 'L' } },
      'DELETE /customers/{id}': { path: `/customers/${customer.id}` },
      'PATCH /interactions/{id}': {
        path: `/interactions/${interaction.id}`,
        body: { subject: 'Changed' },
      },
      'DELETE /interactions/{id}': { path: `/interactions/${interaction.id}` },
      'PUT /orders/{id}/lines': {
        path: `/orders/${order.id}/lines`,
        body: { lines: [{ description: 'Gadget', quantity: 2, unitPriceCents: 50 }] },
      },
      'PATCH /webhooks/{id}': { path: `/webhooks/${endpoint.id}`, body: { enabled: false } },
      'DELETE /webhooks/{id}': { path: `/webhooks/${endpoint.id}` },
      'PATCH /deals/{id}': { path: `/deals/${deal.id}`, body: { title: 'Changed' } },
      'DELETE /deals/{id}': { path: `/deals/${deal.id}` },
      'PATCH /pipelines/{id}': { path: `/pipelines/${pipeline.id}`, body: { name: 'Changed' } },
      'PATCH /companies/{id}': { path: `/companies/${company.id}`, body: { industry: 'X' } },
      'DELETE /companies/{id}': { path: `/companies/${company.id}` },
      'PATCH /tasks/{id}': { path: `/tasks/${task.id}`, body: { title: 'Changed' } },
      'DELETE /tasks/{id}': { path: `/tasks/${task.id}` },
      'PATCH /apps/{id}': { path: `/apps/${app.id}`, body: { name: 'Changed' } },
      'DELETE /apps/{id}': { path: `/apps/${app.id}` },
      'DELETE /app-grants/{grantId}': { path: `/app-grants/${grant.grantId}` },
    };
    const guarded = operations
      .filter(({ method }) => ['PATCH', 'PUT', 'DELETE'].includes(method))
      .map(({ method, template }) => `${method} ${template}`);
    expect(guarded.sort()).toEqual(Object.keys(requests).sort());

    for (const [operation, { path, body }] of Object.entries(requests)) {
      const method = operation.split(' ')[0]!;
      const send = (ifMatch: string) =>
        rest(path, {
          method,
          body: body === undefined ? undefined : JSON.stringify(body),
          headers: { 'if-match': ifMatch },
        });
      const refused = await send('"not-the-current-tag"');
      expect(refused.status, operation).toBe(412);
    }
    expect(await (await rest(`/customers/${customer.id}`)).json()).toMatchObject({
      lastName: '',
      version: customer.version,
    });
    const interactions = (await (
      await rest(`/customers/${customer.id}/interactions`)
    ).json()) as Body;
    expect(interactions.items).toEqual([expect.objectContaining({ subject: 'Hello' })]);
    expect(await (await rest(`/orders/${order.id}`)).json()).toMatchObject({ totalCents: 100 });
    expect(await (await rest(`/webhooks/${endpoint.id}`)).json()).toMatchObject({ enabled: true });
    expect(await (await rest(`/deals/${deal.id}`)).json()).toMatchObject({ title: 'Guarded' });
    expect(await (await rest(`/pipelines/${pipeline.id}`)).json()).toMatchObject({
      name: 'Guarded',
    });
    expect(await (await rest(`/companies/${company.id}`)).json()).toMatchObject({
      industry: null,
      version: 1,
    });
    expect(await (await rest(`/apps/${app.id}`)).json()).toEqual(app);
    expect(((await (await rest('/app-grants')).json()) as Body).items).toEqual([grant]);

    // The tag a read or an earlier change gave is the one that lets the change through.
    const interactionTag = (
      await rest(`/interactions/${interaction.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ content: 'Second' }),
      })
    ).headers.get('etag')!;
    const tags: Record<string, string> = {
      'PUT /orders/{id}/lines': (await rest(`/orders/${order.id}`)).headers.get('etag')!,
      'PATCH /webhooks/{id}': (await rest(`/webhooks/${endpoint.id}`)).headers.get('etag')!,
      'PATCH /interactions/{id}': interactionTag,
      'PATCH /customers/{id}': (await rest(`/customers/${customer.id}`)).headers.get('etag')!,
      'PATCH /deals/{id}': (await rest(`/deals/${deal.id}`)).headers.get('etag')!,
      'PATCH /pipelines/{id}': (await rest(`/pipelines/${pipeline.id}`)).headers.get('etag')!,
      'PATCH /companies/{id}': (await rest(`/companies/${company.id}`)).headers.get('etag')!,
      'PATCH /apps/{id}': (await rest(`/apps/${app.id}`)).headers.get('etag')!,
    };
    for (const [operation, etag] of Object.entries(tags)) {
      const { path, body } = requests[operation]!;
      const res = await rest(path, {
        method: operation.split(' ')[0],
        body: JSON.stringify(body),
        headers: { 'if-match': etag },
      });
      expect(res.status, operation).toBe(200);
    }
  });
});
