import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_LIST_URL,
  customerFilters,
  customerViewQuery,
  hasFilters,
  listStateQuery,
  readListState,
  withSearch,
} from './list-params';

const read = (query: string) => readListState(new URLSearchParams(query));

describe('the customers list state in the URL', () => {
  it('ranks a search by relevance unless another order was chosen', () => {
    expect(read('q=cohn')).toMatchObject({ sort: 'relevance', order: 'desc' });
    expect(read('q=cohn&sort=name')).toMatchObject({ sort: 'name', order: 'asc' });
    expect(read('')).toMatchObject({ sort: 'createdAt', order: 'desc' });
    // Relevance needs a search term.
    expect(read('sort=relevance')).toMatchObject({ sort: 'createdAt' });
  });

  it('switches to relevance when a search is typed into a list in its default order', () => {
    expect(listStateQuery(withSearch(read(''), 'cohn'))).toBe('q=cohn');
    expect(listStateQuery(withSearch(read('q=cohn'), ''))).toBe('');
    expect(listStateQuery(withSearch(read('sort=name'), 'cohn'))).toBe('q=cohn&sort=name');
    expect(listStateQuery(withSearch(read('order=asc'), 'cohn'))).toBe(
      'q=cohn&sort=createdAt&order=asc',
    );
  });
});

describe('the customers filters in the URL', () => {
  const OWNER = '0b1c2d3e-4f50-4617-8899-aabbccddeeff';

  it('read a tag, an owner and a range of creation days, ignoring malformed ones', () => {
    expect(
      read(
        `tag=%20vip%20&owner=${OWNER.toUpperCase()}&createdFrom=2026-01-05&createdTo=2026-01-31`,
      ),
    ).toMatchObject({
      tag: 'vip',
      ownerId: OWNER,
      createdFrom: '2026-01-05',
      createdTo: '2026-01-31',
    });
    expect(read('owner=someone&createdFrom=2026-02-30&createdTo=soon')).toMatchObject({
      ownerId: undefined,
      createdFrom: undefined,
      createdTo: undefined,
    });
    // A range turned around ends where it starts.
    expect(read('createdFrom=2026-03-10&createdTo=2026-03-01')).toMatchObject({
      createdTo: '2026-03-10',
    });
  });

  it('write them back in a stable order and clear them with the other filters', () => {
    const state = read(`createdTo=2026-01-31&owner=${OWNER}&tag=vip&status=lead`);
    expect(listStateQuery(state)).toBe(`status=lead&tag=vip&owner=${OWNER}&createdTo=2026-01-31`);
    expect(hasFilters(state)).toBe(true);
    const cleared = CUSTOMER_LIST_URL.cleared(state);
    expect(listStateQuery(cleared)).toBe('');
    expect(hasFilters(cleared)).toBe(false);
  });

  it('ask the API for whole days, "To" included', () => {
    const filters = customerFilters(read('tag=vip&createdFrom=2026-01-05&createdTo=2026-01-05'));
    expect(filters.tag).toBe('vip');
    expect(filters.createdFrom).toEqual(new Date(2026, 0, 5));
    expect(filters.createdTo).toEqual(new Date(2026, 0, 6));
  });

  it('compare saved views by what they show, not how their URL is written', () => {
    expect(customerViewQuery(new URLSearchParams('sort=createdAt&tag=vip&junk=1'))).toBe('tag=vip');
  });
});
