import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect-target';

describe('safeRedirectTarget', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeRedirectTarget('/customers?status=lead')).toBe('/customers?status=lead');
  });

  it('sends anything that could lead to another site to the dashboard', () => {
    for (const next of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'customers',
      '',
      null,
      undefined,
    ]) {
      expect(safeRedirectTarget(next), String(next)).toBe('/dashboard');
    }
  });
});
