import { describe, expect, it } from 'vitest';
import { toSearchParams, uuidParam } from './url-params';

describe('toSearchParams', () => {
  it('reads a server page’s search params as the browser does, repeated keys in order', () => {
    const params = toSearchParams({ q: 'acme', status: ['lead', 'active'], tag: undefined });
    expect(params.toString()).toBe('q=acme&status=lead&status=active');
    expect(params.getAll('status')).toEqual(['lead', 'active']);
  });
});

describe('uuidParam', () => {
  it('keeps a well-formed id, lower-cased, and drops anything else', () => {
    expect(uuidParam('0F8A1C52-4C1E-4E8E-9A43-0D6F3C0E9B21')).toBe(
      '0f8a1c52-4c1e-4e8e-9a43-0d6f3c0e9b21',
    );
    expect(uuidParam('not-an-id')).toBeUndefined();
    expect(uuidParam(null)).toBeUndefined();
  });
});
