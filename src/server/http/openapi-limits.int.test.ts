import { describe, expect, it } from 'vitest';
import { setupIntegrators } from '@/test/integrator';
import type { Body } from '@/test/rest-client';

/**
 * The limits the OpenAPI document states are the limits the REST door keeps: what it refuses,
 * what it answers, and the lists that page with the cursors they hand out.
 */
const { integrator: newIntegrator } = setupIntegrators();

/** A REST call as an admin key of a new organization; each response checked against the document. */
async function integrator() {
  const { call } = await newIntegrator('admin', 'Limits Org');
  return (method: string, path: string, body?: unknown) => call(method, path, { body });
}

describe('the limits the document states', () => {
  it('pages through customers sorted by long non-Latin names with the cursors it hands out', async () => {
    const call = await integrator();
    // 100 + 100 characters of three UTF-8 bytes each: a long sort value inside the cursor.
    for (const first of ['甲', '乙', '丙']) {
      const created = await call('POST', '/customers', {
        firstName: first.repeat(100),
        lastName: '漢'.repeat(100),
      });
      expect(created.status).toBe(200);
    }
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?sort=name&order=asc&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call('GET', `/customers${query}`);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      names.push(...(page.body.items as Body[]).map((customer) => String(customer.firstName)[0]!));
      cursor = page.body.nextCursor as string | null;
    } while (cursor && names.length < 10);
    expect(names).toEqual(['丙', '乙', '甲'].sort());
  });

  it('answers input with thousands of problems with a bounded list of them', async () => {
    const call = await integrator();
    const unknown = Object.fromEntries(
      Array.from({ length: 2000 }, (_, index) => [`field${index}`, 1]),
    );
    const flood = await call('POST', '/customers', {
      firstName: 'Flood',
      ...unknown,
      ['x'.repeat(5000)]: 1,
    });
    expect(flood.status).toBe(400);
    const issues = flood.body.issues as { path: (string | number)[]; message: string }[];
    expect(issues).toHaveLength(100);
    expect(issues[0]).toEqual({ path: ['field0'], message: 'is not a field that can be set' });

    const hugeKey = await call('POST', '/customers', { firstName: 'Key', ['y'.repeat(5000)]: 1 });
    expect(hugeKey.status).toBe(400);
    expect(hugeKey.body.issues).toEqual([
      { path: ['y'.repeat(200)], message: 'is not a field that can be set' },
    ]);
  });

  it('refuses metadata with more keys than it allows', async () => {
    const call = await integrator();
    const keys = (count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, index) => [`k${index}`, index]));
    const allowed = await call('POST', '/customers', { firstName: 'Meta', metadata: keys(100) });
    expect(allowed.status).toBe(200);
    const refused = await call('POST', '/customers', { firstName: 'Meta', metadata: keys(101) });
    expect(refused.status).toBe(400);
    expect(refused.body.issues).toEqual([
      { path: ['metadata'], message: 'must have at most 100 keys' },
    ]);
  });

  it('refuses a time longer than the document allows, in a body and in a query', async () => {
    const call = await integrator();
    const customer = (await call('POST', '/customers', { firstName: 'Timely' })).body;
    // A date JavaScript would read, padded past 40 characters.
    const long = `Wed, 01 Jan 2025 00:00:00 GMT${' '.repeat(20)}`;
    const note = await call('POST', `/customers/${customer.id}/interactions`, {
      type: 'note',
      subject: 'Late',
      occurredAt: long,
    });
    expect(note.status).toBe(400);
    expect(note.body.issues).toEqual([
      { path: ['occurredAt'], message: 'must be an ISO 8601 date-time (at most 40 characters)' },
    ]);
    const list = await call('GET', `/customers?updatedSince=${encodeURIComponent(long)}`);
    expect(list.status).toBe(400);

    const fine = await call('POST', `/customers/${customer.id}/interactions`, {
      type: 'note',
      subject: 'On time',
      occurredAt: '2025-01-01T09:30:00.000+01:00',
    });
    expect(fine.status).toBe(200);
  });
});
