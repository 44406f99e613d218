import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '@/schemas/events';
import { eventPermission, mayHear, readableEventTypes } from './visibility';

describe('who may read which events', () => {
  it('chooses the read permission by the prefix of the event type', () => {
    expect(eventPermission('company.merged')).toBe('companies:read');
    expect(eventPermission('deal.won')).toBe('deals:read');
    expect(eventPermission('customer_import.completed')).toBe('data:import');
    expect(eventPermission('company_import.completed')).toBe('data:import');
    expect(eventPermission('deal_import.completed')).toBe('data:import');
    expect(eventPermission('customer.created')).toBe('customers:read');
    expect(eventPermission('order.created')).toBe('customers:read');
  });

  it('lists company events to every role that reads companies, imports only to importers', () => {
    const companyEvents = EVENT_TYPES.filter((type) => type.startsWith('company.'));
    expect(companyEvents).toEqual([
      'company.created',
      'company.updated',
      'company.deleted',
      'company.restored',
      'company.merged',
    ]);
    expect(readableEventTypes('viewer', undefined)).toEqual(expect.arrayContaining(companyEvents));
    expect(readableEventTypes('viewer', undefined)).not.toContain('customer_import.completed');
    expect(readableEventTypes('manager', undefined)).toContain('customer_import.completed');
  });

  it('lets every role read deal events, and only importers hear of imports', () => {
    expect(readableEventTypes('viewer', ['deal.won', 'customer_import.completed'])).toEqual([
      'deal.won',
    ]);
    expect(readableEventTypes('manager', ['customer_import.completed'])).toEqual([
      'customer_import.completed',
    ]);
  });

  it('streams changes to companies, deals and pipelines to those who may read them', () => {
    expect(mayHear('viewer', { entityType: 'company' })).toBe(true);
    expect(mayHear('viewer', { entityType: 'deal' })).toBe(true);
    expect(mayHear('viewer', { entityType: 'pipeline' })).toBe(true);
    expect(mayHear('viewer', { entityType: 'api_key' })).toBe(false);
  });
});
