import { describe, expect, it } from 'vitest';
import {
  companyListParams,
  companyViewQuery,
  hasFilters,
  listStateQuery,
  readListState,
} from './list-params';

const read = (query: string) => readListState(new URLSearchParams(query));
const OWNER = '0f8a1c52-4c1e-4e8e-9a43-0d6f3c0e9b21';

describe('the companies list state in the URL', () => {
  it('lists by name A to Z unless another order was chosen', () => {
    expect(read('')).toMatchObject({ sort: 'name', order: 'asc' });
    expect(read('sort=createdAt')).toMatchObject({ sort: 'createdAt', order: 'desc' });
    expect(read('sort=relevance')).toMatchObject({ sort: 'name', order: 'asc' });
  });

  it('keeps only what differs from the defaults in the query', () => {
    expect(listStateQuery(read('sort=name&order=asc'))).toBe('');
    expect(listStateQuery(read(`q=acme&owner=${OWNER}&tag=vip&sort=updatedAt`))).toBe(
      `q=acme&owner=${OWNER}&tag=vip&sort=updatedAt`,
    );
  });

  it('ignores an owner that is not an id, and asks the API only for the filters given', () => {
    const state = read('owner=nobody&tag=%20vip%20');
    expect(state.ownerId).toBeUndefined();
    expect(hasFilters(state)).toBe(true);
    expect(companyListParams(state)).toEqual({ limit: 25, sort: 'name', order: 'asc', tag: 'vip' });
    expect(hasFilters(read(''))).toBe(false);
  });
});

describe('a saved view of the companies list', () => {
  it('keeps what the list shows, its default order left out', () => {
    expect(
      companyViewQuery(new URLSearchParams(`sort=name&order=asc&tag=%20vip&owner=${OWNER}`)),
    ).toBe(`owner=${OWNER}&tag=vip`);
  });
});
