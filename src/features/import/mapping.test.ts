import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  initialChoices,
  mappingProblems,
  NOT_IMPORTED,
  problemFieldLabel,
  toMapping,
} from './mapping';

describe('import mapping', () => {
  it('starts from the suggested mapping', () => {
    const choices = initialChoices(['E-mail', 'Name', 'Notes'], {
      'E-mail': 'email',
      Name: 'firstName',
    });
    expect([...choices]).toEqual([
      ['E-mail', 'email'],
      ['Name', 'firstName'],
      ['Notes', NOT_IMPORTED],
    ]);
    expect(mappingProblems(choices)).toEqual([]);
    expect(toMapping(choices)).toEqual({ 'E-mail': 'email', Name: 'firstName' });
  });

  it('requires a first name column', () => {
    const choices = initialChoices(['E-mail'], { 'E-mail': 'email' });
    expect(mappingProblems(choices)).toEqual(['Choose the column that holds the First name.']);
  });

  it('requires the field each kind cannot do without', () => {
    const choices = initialChoices(['Domain', 'Title'], { Domain: 'domain', Title: 'title' });
    expect(mappingProblems(choices, 'companies')).toEqual([
      'Choose the column that holds the Name.',
    ]);
    expect(mappingProblems(choices, 'deals')).toEqual([]);
  });

  it('refuses a field chosen for two columns', () => {
    const choices = new Map([
      ['First', 'firstName'],
      ['Mail', 'email'],
      ['Mail 2', 'email'],
    ] as const);
    expect(mappingProblems(choices)).toEqual([
      'Email is chosen for 2 columns (“Mail”, “Mail 2”); choose it for one only.',
    ]);
  });

  it('keeps odd header names as plain keys', () => {
    const choices = new Map([['__proto__', 'firstName']] as const);
    const mapping = toMapping(choices);
    expect(Object.keys(mapping)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(mapping)).toBe(Object.prototype);
  });

  it('formats sizes', () => {
    expect(formatBytes(900_000)).toBe('900 KB');
    expect(formatBytes(1_250_000)).toBe('1.3 MB');
  });
});

describe('problemFieldLabel', () => {
  it('names fields as the mapping does', () => {
    expect(problemFieldLabel('email')).toBe('Email');
    expect(problemFieldLabel('address.postalCode')).toBe('Postal code');
    expect(problemFieldLabel('row')).toBe('Whole row');
    expect(problemFieldLabel('tags.0')).toBe('tags.0');
  });
});
