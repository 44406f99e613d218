import { describe, expect, it } from 'vitest';
import { setupIntegrators } from '@/test/integrator';
import type { Body } from '@/test/rest-client';

// An integrator writing down what happens on a deal, over REST.
const { integrator } = setupIntegrators();

describe("a deal's timeline", () => {
  it('keeps a timeline of what was said about the deal, newest first', async () => {
    const { call } = await integrator();
    const company = await call('POST', '/companies', { body: { name: 'Analytical Engines' } });
    const companyId = company.body.id as string;
    const deal = (
      await call('POST', '/deals', { body: { title: 'Engine pilot', currency: 'GBP', companyId } })
    ).body;
    const record = (body: Body) => call('POST', `/deals/${deal.id}/interactions`, { body });

    const call1 = await record({
      type: 'call',
      subject: 'Discovery call',
      occurredAt: '2026-11-02T10:00:00Z',
    });
    expect(call1.status).toBe(200);
    expect(call1.body).toMatchObject({ dealId: deal.id, customerId: null, companyId: null });
    await record({
      type: 'note',
      subject: 'Wants a January start',
      occurredAt: '2026-11-03T09:00:00Z',
    });

    const invalid = await record({ type: 'fax', subject: '' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.issues.map((issue: Body) => issue.path)).toEqual(
      expect.arrayContaining([['type'], ['subject']]),
    );

    const first = await call('GET', `/deals/${deal.id}/timeline?limit=1`);
    expect(first.body.items.map((entry: Body) => entry.subject)).toEqual(['Wants a January start']);
    const rest = await call(
      'GET',
      `/deals/${deal.id}/timeline?limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(rest.body.items.map((entry: Body) => entry.subject)).toEqual(['Discovery call']);
    expect(rest.body.nextCursor).toBeNull();

    // The deal's entries are its own: not on its company's timeline.
    expect((await call('GET', `/companies/${companyId}/timeline`)).body.items).toEqual([]);
    const trail = await call('GET', `/audit-logs?entityType=interaction&entityId=${call1.body.id}`);
    expect(trail.body.items).toMatchObject([
      { action: 'interaction.created', changes: { after: { dealId: deal.id } } },
    ]);

    await call('DELETE', `/deals/${deal.id}`);
    expect((await call('GET', `/deals/${deal.id}/timeline`)).status).toBe(404);
    expect((await record({ type: 'note', subject: 'Too late' })).status).toBe(404);
    await call('POST', `/deals/${deal.id}/restore`, { body: {} });
    expect((await call('GET', `/deals/${deal.id}/timeline`)).body.items).toHaveLength(2);
  });
});
