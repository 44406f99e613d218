import { describe, expect, it } from 'vitest';
import { eventPermission, mayHear, readableEventTypes } from './visibility';

describe('event visibility', () => {
  it('chooses the permission of an event type by its prefix', () => {
    expect(eventPermission('deal.won')).toBe('deals:read');
    expect(eventPermission('customer_import.completed')).toBe('data:import');
    expect(eventPermission('customer.created')).toBe('customers:read');
    expect(eventPermission('order.created')).toBe('customers:read');
  });

  it('lets every role read deal events, and only importers hear of imports', () => {
    expect(readableEventTypes('viewer', ['deal.won', 'customer_import.completed'])).toEqual([
      'deal.won',
    ]);
    expect(readableEventTypes('manager', ['customer_import.completed'])).toEqual([
      'customer_import.completed',
    ]);
  });

  it('streams changes to deals and pipelines to those who may read deals', () => {
    expect(mayHear('viewer', { entityType: 'deal' })).toBe(true);
    expect(mayHear('viewer', { entityType: 'pipeline' })).toBe(true);
  });
});
