import { describe, expect, it } from 'vitest';
import type { SavedViewState } from '@/schemas/saved-views';
import { viewHref, viewShowing, viewStateOf, viewStateParams } from './view-query';

/** A list that knows `q` and `status`, and sorts by name unless asked otherwise. */
const canonical = (params: URLSearchParams) => {
  const out = new URLSearchParams();
  const q = params.get('q')?.trim();
  if (q) out.set('q', q);
  for (const status of ['lead', 'active'].filter((s) => params.getAll('status').includes(s))) {
    out.append('status', status);
  }
  const sort = params.get('sort');
  if (sort && sort !== 'name') out.set('sort', sort);
  return out.toString();
};

describe('saved view queries', () => {
  it('keep repeated params as lists and others as single values', () => {
    expect(viewStateOf('q=acme&status=lead&status=active')).toEqual({
      q: 'acme',
      status: ['lead', 'active'],
    });
    expect(viewStateOf('status=lead')).toEqual({ status: ['lead'] });
    expect(viewStateParams({ status: ['lead', 'active'], q: 'a b' }).toString()).toBe(
      'status=lead&status=active&q=a+b',
    );
  });

  it("link to the list in the list's own form", () => {
    expect(viewHref('/customers', { sort: 'name', status: ['active', 'lead'] }, canonical)).toBe(
      '/customers?status=lead&status=active',
    );
    expect(viewHref('/customers', {}, canonical)).toBe('/customers');
  });

  it('find the view a URL shows, whatever order or defaults its params have', () => {
    const views: { id: string; state: SavedViewState }[] = [
      { id: 'leads', state: { status: ['lead'] } },
      { id: 'acme', state: { q: 'acme', sort: 'createdAt' } },
    ];
    expect(
      viewShowing(views, canonical(new URLSearchParams('status=lead&sort=name')), canonical),
    ).toMatchObject({ id: 'leads' });
    expect(
      viewShowing(views, canonical(new URLSearchParams('sort=createdAt&q=acme')), canonical),
    ).toMatchObject({ id: 'acme' });
    expect(viewShowing(views, canonical(new URLSearchParams('q=other')), canonical)).toBe(
      undefined,
    );
  });
});
