import { describe, expect, it } from 'vitest';
import { initialsOf } from './owner-cell';
import { relativeTime } from '@/lib/format';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000);

describe('record cells', () => {
  it('say how long ago a time was, in the largest unit that fits', () => {
    expect(relativeTime(ago(3 * 86_400), NOW)).toMatch(/3 days ago/);
    expect(relativeTime(ago(2 * 3_600), NOW)).toMatch(/2 hours ago/);
    expect(relativeTime(ago(90 * 86_400), NOW)).toMatch(/3 months ago/);
    expect(relativeTime(ago(800 * 86_400), NOW)).toMatch(/2 years ago/);
  });

  it("show a member's initials: first and last name, or one letter", () => {
    expect(initialsOf('Ada Lovelace')).toBe('AL');
    expect(initialsOf('  ada  king lovelace ')).toBe('AL');
    expect(initialsOf('Ada')).toBe('A');
    expect(initialsOf('Élodie Ørsted')).toBe('ÉØ');
  });
});
