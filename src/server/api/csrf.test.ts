import { describe, expect, it } from 'vitest';
import { isAppOrigin } from './csrf';

describe('isAppOrigin', () => {
  const local = 'http://localhost:3000';

  it('is APP_URL itself, and nothing else, in production', () => {
    expect(isAppOrigin(local, local, false)).toBe(true);
    expect(isAppOrigin('https://crm.example.com', 'https://crm.example.com', false)).toBe(true);
    expect(isAppOrigin('http://127.0.0.1:3000', local, false)).toBe(false);
    expect(isAppOrigin('http://[::1]:3000', local, false)).toBe(false);
  });

  it("takes the other loopback names of a loopback APP_URL in development, on APP_URL's port", () => {
    expect(isAppOrigin('http://127.0.0.1:3000', local, true)).toBe(true);
    expect(isAppOrigin('http://[::1]:3000', local, true)).toBe(true);
    expect(isAppOrigin('http://localhost:3000', 'http://127.0.0.1:3000', true)).toBe(true);

    expect(isAppOrigin('http://127.0.0.1:3001', local, true)).toBe(false);
    expect(isAppOrigin('https://127.0.0.1:3000', local, true)).toBe(false);
    expect(isAppOrigin('http://127.0.0.2:3000', local, true)).toBe(false);
    expect(isAppOrigin('http://localhost.evil.example:3000', local, true)).toBe(false);
    expect(isAppOrigin('http://127.0.0.1:3000/path', local, true)).toBe(false);
    expect(isAppOrigin('null', local, true)).toBe(false);
  });

  it('takes no loopback name for an APP_URL elsewhere, even in development', () => {
    expect(isAppOrigin('http://127.0.0.1:3000', 'http://crm.test:3000', true)).toBe(false);
  });
});
