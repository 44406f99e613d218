import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countries, countryName, searchCountries } from './countries';

const codes = (typed: string) => searchCountries(typed).map((country) => country.code);

describe('countries', () => {
  it('holds each of the 249 assigned codes once, each with a name', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    for (const country of countries()) expect(country.name).not.toBe(country.code);
  });

  it('lists them alphabetically by name', () => {
    const names = countries().map((country) => country.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('names a code, whatever its case, and leaves an unknown one as it is', () => {
    expect(countryName('PT')).toBe('Portugal');
    expect(countryName('de')).toBe('Germany');
    expect(countryName('QQ')).toBe('QQ');
  });
});

describe('searchCountries', () => {
  it('finds a country by its name or the start of it', () => {
    expect(codes('Portugal')).toEqual(['PT']);
    expect(codes('portu')[0]).toBe('PT');
  });

  it('finds a country by its code first', () => {
    expect(codes('pt')[0]).toBe('PT');
    expect(codes('DE')[0]).toBe('DE');
  });

  it('finds a word inside a name, ignoring accents', () => {
    expect(codes('kingdom')).toContain('GB');
    expect(codes('cote')).toContain('CI');
    expect(codes('aland')).toContain('AX');
  });

  it('lists every country for an empty search and none for nonsense', () => {
    expect(codes('')).toHaveLength(249);
    expect(codes('zzzz')).toEqual([]);
  });
});
