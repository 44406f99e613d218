import { describe, expect, it } from 'vitest';
import { orderNumberOf } from '@/schemas/orders';
import {
  hasOrderFilters,
  orderExportHref,
  orderFiltersFrom,
  orderFiltersQuery,
  orderListParams,
  orderViewQuery,
} from './list-params';

describe('orderNumberOf', () => {
  it('reads the number however the pages or people write it', () => {
    for (const term of [
      '1042',
      '#1042',
      '# 1042',
      'Order #1042',
      'order no. 1042',
      'ORD-1042',
      'ord 1042',
      ' #1042 ',
    ])
      expect(orderNumberOf(term), term).toBe(1042);
  });

  it('takes names, zero and numbers beyond an order number as no number', () => {
    for (const term of ['Ana', '10a', '10 42', '#', 'ORD-', '0', '#99999999999', '-5'])
      expect(orderNumberOf(term), term).toBeUndefined();
  });
});

describe('the orders list URL', () => {
  it('keeps the search, statuses, days and totals, and drops what is malformed', () => {
    const filters = orderFiltersFrom(
      new URLSearchParams(
        'q=%231042&status=paid&status=bogus&from=2026-02-30&to=2026-03-01&minTotal=19.99&maxTotal=lots',
      ),
    );
    expect(filters).toEqual({
      q: '#1042',
      status: ['paid'],
      customerId: undefined,
      from: undefined,
      to: '2026-03-01',
      minTotal: '19.99',
      maxTotal: undefined,
    });
    expect(hasOrderFilters(filters)).toBe(true);
    expect(orderFiltersQuery(filters)).toBe('q=%231042&status=paid&to=2026-03-01&minTotal=19.99');
  });

  it('sends totals in cents and the "To" day up to the next midnight', () => {
    const params = orderListParams(
      orderFiltersFrom(new URLSearchParams('q= Silva &minTotal=19.99&maxTotal=250&to=2026-03-01')),
    );
    expect(params).toMatchObject({ q: 'Silva', minTotalCents: 1999, maxTotalCents: 25_000 });
    expect(params.createdTo).toEqual(new Date(2026, 2, 2));
  });

  it('exports what the list shows', () => {
    const href = orderExportHref(
      orderFiltersFrom(new URLSearchParams('q=ana&status=placed&status=paid&maxTotal=10')),
    );
    const url = new URL(href, 'http://localhost');
    expect(url.pathname).toBe('/api/exports/orders.csv');
    expect(url.searchParams.get('q')).toBe('ana');
    expect(url.searchParams.getAll('status')).toEqual(['placed', 'paid']);
    expect(url.searchParams.get('maxTotalCents')).toBe('1000');
    expect(orderExportHref(orderFiltersFrom(new URLSearchParams()))).toBe(
      '/api/exports/orders.csv',
    );
  });

  it('keeps what a saved view needs, leaving out what it does not know', () => {
    expect(orderViewQuery(new URLSearchParams('status=paid&junk=1&minTotal=abc&q=%231042'))).toBe(
      'q=%231042&status=paid',
    );
  });
});
