import { describe, expect, it } from 'vitest';
import { minuteOfDay, nextDigestAt, quietHoursEnd } from './local-time';

describe('local time', () => {
  it('reads the clock of the time zone, not the server', () => {
    const at = new Date('2026-07-01T12:30:00Z');
    expect(minuteOfDay(at, 'UTC')).toBe(12 * 60 + 30);
    expect(minuteOfDay(at, 'Europe/Lisbon')).toBe(13 * 60 + 30);
    expect(minuteOfDay(at, 'America/New_York')).toBe(8 * 60 + 30);
  });

  it('holds what comes in quiet hours spanning midnight until they end', () => {
    const quiet = { start: 22 * 60, end: 7 * 60 };
    expect(quietHoursEnd(quiet, 'Europe/Lisbon', new Date('2026-07-01T23:15:00Z'))).toEqual(
      new Date('2026-07-02T06:00:00Z'),
    );
    expect(quietHoursEnd(quiet, 'Europe/Lisbon', new Date('2026-07-01T21:00:00Z'))).toEqual(
      new Date('2026-07-02T06:00:00Z'),
    );
    expect(quietHoursEnd(quiet, 'Europe/Lisbon', new Date('2026-07-01T20:59:00Z'))).toBeNull();
    expect(quietHoursEnd(quiet, 'Europe/Lisbon', new Date('2026-07-01T06:00:00Z'))).toBeNull();
    expect(quietHoursEnd(quiet, 'Europe/Lisbon', new Date('2026-07-01T12:00:00Z'))).toBeNull();
  });

  it('holds within quiet hours of the same day, and never without any', () => {
    const lunch = { start: 12 * 60, end: 13 * 60 };
    expect(quietHoursEnd(lunch, 'UTC', new Date('2026-07-01T12:20:30Z'))).toEqual(
      new Date('2026-07-01T13:00:00Z'),
    );
    expect(quietHoursEnd(lunch, 'UTC', new Date('2026-07-01T13:00:00Z'))).toBeNull();
    expect(quietHoursEnd(null, 'UTC', new Date('2026-07-01T12:20:00Z'))).toBeNull();
  });

  it('sends the digest at the next local digest hour', () => {
    expect(nextDigestAt(8, 'Asia/Tokyo', new Date('2026-07-01T00:10:00Z'))).toEqual(
      new Date('2026-07-01T23:00:00Z'),
    );
    expect(nextDigestAt(8, 'UTC', new Date('2026-07-01T07:59:10Z'))).toEqual(
      new Date('2026-07-01T08:00:00Z'),
    );
  });
});
