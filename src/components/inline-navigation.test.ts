import { describe, expect, it } from 'vitest';
import { inlineKeyAction, neighbourId, recordStep, stepIndex } from './inline-navigation';

const press = (key: string, extra: Partial<Parameters<typeof recordStep>[0]> = {}) => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  inField: false,
  ...extra,
});

describe('stepIndex', () => {
  it('moves forward and back within the places', () => {
    expect(stepIndex(4, 0, 1)).toBe(1);
    expect(stepIndex(4, 2, -1)).toBe(1);
  });

  it('stops at either end instead of wrapping around', () => {
    expect(stepIndex(4, 3, 1)).toBeUndefined();
    expect(stepIndex(4, 0, -1)).toBeUndefined();
  });

  it('has nowhere to go from a place that is not among them', () => {
    expect(stepIndex(4, -1, 1)).toBeUndefined();
    expect(stepIndex(0, 0, 1)).toBeUndefined();
  });
});

describe('neighbourId', () => {
  const ids = ['a', 'b', 'c'];

  it('finds the next and the previous record of the list', () => {
    expect(neighbourId(ids, 'b', 1)).toBe('c');
    expect(neighbourId(ids, 'b', -1)).toBe('a');
  });

  it('has no neighbour past the ends or for a record no longer listed', () => {
    expect(neighbourId(ids, 'c', 1)).toBeUndefined();
    expect(neighbourId(ids, 'a', -1)).toBeUndefined();
    expect(neighbourId(ids, 'gone', 1)).toBeUndefined();
  });
});

describe('recordStep', () => {
  it('takes J to the next record and K to the previous, in either case', () => {
    expect(recordStep(press('j'))).toBe(1);
    expect(recordStep(press('J'))).toBe(1);
    expect(recordStep(press('k'))).toBe(-1);
  });

  it('leaves letters typed into a field and shortcuts with a modifier alone', () => {
    expect(recordStep(press('j', { inField: true }))).toBeUndefined();
    expect(recordStep(press('j', { ctrlKey: true }))).toBeUndefined();
    expect(recordStep(press('k', { metaKey: true }))).toBeUndefined();
    expect(recordStep(press('x'))).toBeUndefined();
  });
});

describe('inlineKeyAction', () => {
  it('saves on Enter, cancels on Escape and moves on with Tab, backwards with Shift', () => {
    expect(inlineKeyAction('Enter', false)).toEqual({ action: 'save' });
    expect(inlineKeyAction('Escape', false)).toEqual({ action: 'cancel' });
    expect(inlineKeyAction('Tab', false)).toEqual({ action: 'save-and-move', step: 1 });
    expect(inlineKeyAction('Tab', true)).toEqual({ action: 'save-and-move', step: -1 });
  });

  it('lets every other key type into the field', () => {
    expect(inlineKeyAction('a', false)).toBeUndefined();
    expect(inlineKeyAction('ArrowDown', false)).toBeUndefined();
  });
});
