import { describe, expect, it } from 'vitest';
import { relatedHref, relatedKindLabel } from './task-related';

const id = '7d1f3b5a-9c2e-4a6b-8d0f-1e3c5a7b9d2f';

describe('related records', () => {
  it('links each kind of record to its page', () => {
    expect(relatedHref({ type: 'customer', id })).toBe(`/customers/${id}`);
    expect(relatedHref({ type: 'company', id })).toBe(`/companies/${id}`);
    expect(relatedHref({ type: 'deal', id })).toBe(`/deals/${id}`);
    expect(relatedHref({ type: 'order', id })).toBe(`/orders/${id}`);
  });

  it('names the kind when the record’s name is not at hand', () => {
    expect(relatedKindLabel('deal')).toBe('Deal');
  });
});
