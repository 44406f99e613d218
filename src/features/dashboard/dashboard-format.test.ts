import { describe, expect, it } from 'vitest';
import {
  activityHref,
  activitySentence,
  lastTwelveMonths,
  monthKey,
  toMajorUnits,
  toMinorUnits,
} from './dashboard-format';

const entry = (action: string, entityType: string, entityId: string | null = 'abc') => ({
  action,
  entityType,
  entityId,
  actorName: 'Ada Lovelace',
});

describe('activitySentence', () => {
  it('says what happened in words', () => {
    expect(activitySentence(entry('customer.created', 'customer'))).toBe(
      'Ada Lovelace added a customer',
    );
    expect(activitySentence(entry('order.status_changed', 'order'))).toBe(
      "Ada Lovelace changed an order's status",
    );
  });

  it('names an unknown actor "Someone" and falls back to the action', () => {
    expect(activitySentence({ ...entry('order.archived', 'order'), actorName: null })).toBe(
      'Someone order.archived',
    );
  });
});

describe('activityHref', () => {
  it('links customers, orders and imports', () => {
    expect(activityHref(entry('customer.updated', 'customer'))).toBe('/customers/abc');
    expect(activityHref(entry('order.created', 'order'))).toBe('/orders/abc');
    expect(activityHref(entry('customer_import.started', 'customer_import'))).toBe('/import');
  });

  it('does not link what is gone or has no page', () => {
    expect(activityHref(entry('customer.deleted', 'customer'))).toBeNull();
    expect(activityHref(entry('interaction.created', 'interaction'))).toBeNull();
    expect(activityHref(entry('customer.created', 'customer', null))).toBeNull();
  });
});

describe('months', () => {
  it('lists the last twelve UTC months, oldest first', () => {
    const months = lastTwelveMonths(new Date('2025-02-10T12:00:00Z'));
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2024-03');
    expect(months[11]).toBe('2025-02');
    expect(monthKey(new Date('2025-12-31T23:59:59Z'))).toBe('2025-12');
  });
});

describe('money units', () => {
  it('converts cents by the currency’s digits', () => {
    expect(toMajorUnits(123456, 'USD')).toBe(1234.56);
    expect(toMinorUnits(1234.56, 'USD')).toBe(123456);
    expect(toMajorUnits(500, 'JPY')).toBe(500);
  });
});
