import { describe, expect, it } from 'vitest';
import { activityHref, activitySentence, type ActivityEntry } from './activity-sentence';

const entry = (overrides: Partial<ActivityEntry>): ActivityEntry => ({
  action: 'customer.updated',
  entityType: 'customer',
  entityId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  actorName: 'Ada Lovelace',
  recordName: 'Rafael Cohen',
  interactionType: null,
  customer: null,
  ...overrides,
});

const rafael = { id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', name: 'Rafael Cohen' };

describe('activitySentence', () => {
  it('names the record that was changed', () => {
    expect(activitySentence(entry({}))).toBe('Ada Lovelace updated Rafael Cohen');
    expect(
      activitySentence(
        entry({
          action: 'order.created',
          entityType: 'order',
          recordName: '#1042',
          customer: rafael,
        }),
      ),
    ).toBe('Ada Lovelace created order #1042 for Rafael Cohen');
    expect(
      activitySentence(
        entry({ action: 'deal.stage_changed', entityType: 'deal', recordName: 'Acme renewal' }),
      ),
    ).toBe('Ada Lovelace moved deal Acme renewal');
  });

  it('says what kind of entry was logged and with whom', () => {
    expect(
      activitySentence(
        entry({
          action: 'interaction.created',
          entityType: 'interaction',
          recordName: 'Discovery call',
          interactionType: 'call',
          customer: rafael,
        }),
      ),
    ).toBe('Ada Lovelace logged the call “Discovery call” with Rafael Cohen');
  });

  it('says only the kind of a record that was deleted', () => {
    expect(activitySentence(entry({ recordName: null }))).toBe(
      'Ada Lovelace updated a deleted customer',
    );
    expect(activitySentence(entry({ action: 'customer.deleted', recordName: null }))).toBe(
      'Ada Lovelace deleted a customer',
    );
  });

  it('reads without an actor, for records that arrived without a trail', () => {
    expect(activitySentence(entry({ action: 'customer.created', actorName: null }))).toBe(
      'Rafael Cohen was added',
    );
    expect(
      activitySentence(
        entry({ action: 'order.created', entityType: 'order', recordName: '#7', actorName: null }),
      ),
    ).toBe('Order #7 was created');
  });
});

describe('activityHref', () => {
  it('leads to the record, or to the customer of a timeline entry', () => {
    expect(activityHref(entry({}))).toBe('/customers/3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f');
    expect(activityHref(entry({ entityType: 'deal', recordName: 'Acme renewal' }))).toBe(
      '/deals/3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    );
    expect(
      activityHref(entry({ entityType: 'interaction', recordName: 'Intro', customer: rafael })),
    ).toBe(`/customers/${rafael.id}`);
    expect(
      activityHref(entry({ action: 'customer_import.started', entityType: 'customer_import' })),
    ).toBe('/import');
  });

  it('leads nowhere once the record is deleted', () => {
    expect(activityHref(entry({ recordName: null }))).toBeNull();
  });
});
