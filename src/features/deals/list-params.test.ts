import { describe, expect, it } from 'vitest';
import { dealFiltersFrom, dealListParams, dealViewQuery, hasDealFilters } from './list-params';

const OWNER = '0b4e7c1a-2d3f-4a5b-8c6d-7e8f9a0b1c2d';

describe('deal list params', () => {
  it('reads the filters from the URL and sends amounts in minor units', () => {
    const filters = dealFiltersFrom(
      new URLSearchParams(
        `status=won&status=bogus&owner=${OWNER}&closeFrom=2027-01-01&closeTo=2027-02-30&minAmount=1000&maxAmount=99.5`,
      ),
    );
    expect(filters).toMatchObject({
      status: ['won'],
      ownerId: OWNER,
      closeFrom: '2027-01-01',
      closeTo: undefined,
      minAmount: '1000',
      maxAmount: '99.5',
    });
    expect(hasDealFilters(filters)).toBe(true);
    expect(dealListParams(filters)).toEqual({
      limit: 25,
      status: ['won'],
      ownerId: OWNER,
      closeFrom: '2027-01-01',
      minAmount: 100000,
      maxAmount: 9950,
    });
  });

  it('ignores amounts that are not numbers and has no filters by default', () => {
    const filters = dealFiltersFrom(new URLSearchParams('minAmount=lots&owner=nobody'));
    expect(filters.minAmount).toBeUndefined();
    expect(filters.ownerId).toBeUndefined();
    expect(hasDealFilters(filters)).toBe(false);
  });
});

describe('a saved view of the deals page', () => {
  it('keeps the list mode, the pipeline and the valid filters in a stable order', () => {
    const params = new URLSearchParams(
      `maxAmount=oops&owner=${OWNER}&view=list&status=won&status=open&junk=1&view=board`,
    );
    expect(dealViewQuery(params)).toBe(`view=list&status=open&status=won&owner=${OWNER}`);
    expect(dealViewQuery(new URLSearchParams('view=board'))).toBe('');
  });
});
