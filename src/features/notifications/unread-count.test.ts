import { describe, expect, it } from 'vitest';
import { badgeCount, bellLabel } from './unread-count';

describe('badgeCount', () => {
  it('shows nothing when every notification is read', () => {
    expect(badgeCount(0)).toBeNull();
  });

  it('shows the exact figure up to the cap', () => {
    expect(badgeCount(1)).toBe('1');
    expect(badgeCount(99)).toBe('99');
  });

  it('caps larger figures at 99+', () => {
    expect(badgeCount(100)).toBe('99+');
    expect(badgeCount(12_345)).toBe('99+');
  });
});

describe('bellLabel', () => {
  it('names the bell alone when nothing is unread', () => {
    expect(bellLabel(0)).toBe('Notifications');
  });

  it('gives the exact unread count, even past the badge cap', () => {
    expect(bellLabel(3)).toBe('Notifications, 3 unread');
    expect(bellLabel(150)).toBe('Notifications, 150 unread');
  });
});
