import { describe, expect, it } from 'vitest';
import { describeDue, fromDueInput, toDueInput } from './task-due';

describe('describeDue', () => {
  const now = new Date(2026, 11, 4, 12, 0).getTime();

  it('marks an open task due before now as overdue', () => {
    const due = describeDue(new Date(2026, 11, 3, 9, 0), { now });
    expect(due.overdue).toBe(true);
    expect(due.relative).toMatch(/yesterday|day/);
    expect(due.absolute).toContain('2026');
  });

  it('does not mark a task due later as overdue', () => {
    expect(describeDue(new Date(2026, 11, 4, 15, 0), { now })).toMatchObject({
      overdue: false,
      relative: 'in 3 hours',
    });
  });

  it('does not mark a completed task as overdue, however late it was', () => {
    expect(describeDue(new Date(2026, 10, 1), { now, completed: true }).overdue).toBe(false);
  });
});

describe('due inputs', () => {
  it('round-trips a local time through the datetime-local text', () => {
    const date = new Date(2027, 0, 15, 9, 5);
    expect(toDueInput(date)).toBe('2027-01-15T09:05');
    expect(fromDueInput('2027-01-15T09:05')).toEqual(date);
  });

  it('reads an empty input as no due time', () => {
    expect(toDueInput(null)).toBe('');
    expect(fromDueInput('')).toBeNull();
  });

  it('refuses text that is not a real local date and time', () => {
    expect(fromDueInput('2027-02-30T09:00')).toBeNull();
    expect(fromDueInput('tomorrow')).toBeNull();
  });
});
