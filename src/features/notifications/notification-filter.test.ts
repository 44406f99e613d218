import { describe, expect, it } from 'vitest';
import {
  notificationFilterFrom,
  notificationHref,
  notificationListParams,
} from './notification-filter';

describe('notificationFilterFrom', () => {
  it('shows unread notifications unless the URL asks for all', () => {
    expect(notificationFilterFrom(null)).toBe('unread');
    expect(notificationFilterFrom('unread')).toBe('unread');
    expect(notificationFilterFrom('something-else')).toBe('unread');
    expect(notificationFilterFrom('all')).toBe('all');
  });
});

describe('notificationListParams', () => {
  it('asks only for unread ones under the unread filter', () => {
    expect(notificationListParams('unread')).toEqual({ unread: true });
  });

  it('leaves the read state out for all of them', () => {
    expect(notificationListParams('all', 8)).toEqual({ limit: 8 });
  });
});

describe('notificationHref', () => {
  it('keeps a path in the app', () => {
    expect(notificationHref('/deals/0b7e6c4e-56a4-4d2c-9a53-3f1b0f7e2a11')).toBe(
      '/deals/0b7e6c4e-56a4-4d2c-9a53-3f1b0f7e2a11',
    );
  });

  it('sends anything that could leave the app to the inbox instead', () => {
    expect(notificationHref('https://example.com/')).toBe('/notifications');
    expect(notificationHref('//example.com/')).toBe('/notifications');
    expect(notificationHref('/\\example.com')).toBe('/notifications');
    expect(notificationHref('javascript:alert(1)')).toBe('/notifications');
    expect(notificationHref('')).toBe('/notifications');
  });
});
