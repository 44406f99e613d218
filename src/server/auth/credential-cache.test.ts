import { describe, expect, it } from 'vitest';
import type { AccessChange } from '@/server/events/bus';
import { sleep } from '@/test/waits';
import { CredentialCache, type CacheableCredential } from './credential-cache';

const KEY_A: AccessChange = { kind: 'apiKey', id: '00000000-0000-4000-8000-00000000000a' };
const KEY_B: AccessChange = { kind: 'apiKey', id: '00000000-0000-4000-8000-00000000000b' };
const ORG: AccessChange = { kind: 'organization', id: '00000000-0000-4000-8000-0000000000f0' };

/** A lookup that counts its calls and answers `value` depending on `dependsOn`. */
function lookupOf(value: { name: string }, dependsOn: AccessChange[]) {
  const lookup = async (): Promise<CacheableCredential<{ name: string }>> => {
    lookup.calls++;
    return { value, dependsOn };
  };
  lookup.calls = 0;
  return lookup;
}

describe('CredentialCache', () => {
  it('answers a second request from memory', async () => {
    const cache = new CredentialCache<{ name: string }>({ ttlMs: 60_000 });
    const lookup = lookupOf({ name: 'a' }, [KEY_A]);
    expect(await cache.get('a', lookup)).toEqual({ name: 'a' });
    expect(await cache.get('a', lookup)).toEqual({ name: 'a' });
    expect(lookup.calls).toBe(1);
  });

  it('keeps nothing that was not found, so a key created later is found', async () => {
    const cache = new CredentialCache<{ name: string }>({ ttlMs: 60_000 });
    expect(await cache.get('a', async () => undefined)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops exactly the entries that depend on a change to access', async () => {
    const cache = new CredentialCache<{ name: string }>({ ttlMs: 60_000 });
    const a = lookupOf({ name: 'a' }, [KEY_A, ORG]);
    const b = lookupOf({ name: 'b' }, [KEY_B]);
    await cache.get('a', a);
    await cache.get('b', b);

    cache.drop(KEY_A);
    await cache.get('a', a);
    await cache.get('b', b);
    expect([a.calls, b.calls]).toEqual([2, 1]);

    cache.drop(ORG);
    await cache.get('a', a);
    expect(a.calls).toBe(3);
  });

  it('does not keep a lookup that was under way when access changed', async () => {
    const cache = new CredentialCache<{ name: string }>({ ttlMs: 60_000 });
    let release!: () => void;
    const slow = async () => {
      // The row was read before the revocation committed; the answer arrives after it was announced.
      await new Promise<void>((resolve) => (release = resolve));
      return { value: { name: 'stale' }, dependsOn: [KEY_A] };
    };
    const pending = cache.get('a', slow);
    cache.drop(KEY_B);
    release();
    expect(await pending).toEqual({ name: 'stale' });
    expect(cache.size).toBe(0);
  });

  it('forgets everything when announcements may have been missed', async () => {
    const cache = new CredentialCache<{ name: string }>({ ttlMs: 60_000 });
    const a = lookupOf({ name: 'a' }, [KEY_A]);
    await cache.get('a', a);
    cache.clear();
    await cache.get('a', a);
    expect(a.calls).toBe(2);
  });

  it('looks a credential up again once its entry is older than the time to live', async () => {
    const cache = new CredentialCache<{ name: string }>({ ttlMs: 20 });
    const a = lookupOf({ name: 'a' }, [KEY_A]);
    await cache.get('a', a);
    await sleep(60);
    await cache.get('a', a);
    expect(a.calls).toBe(2);
  });

  it('looks every credential up when turned off', async () => {
    const cache = new CredentialCache<{ name: string }>({ ttlMs: 0 });
    const a = lookupOf({ name: 'a' }, [KEY_A]);
    await cache.get('a', a);
    await cache.get('a', a);
    expect([a.calls, cache.size]).toEqual([2, 0]);
  });

  it('updates a value in place and still drops it with its credential', async () => {
    const cache = new CredentialCache<{ name: string }>({ ttlMs: 60_000 });
    const a = lookupOf({ name: 'a' }, [KEY_A]);
    await cache.get('a', a);
    cache.update('a', { name: 'used' });
    expect(await cache.get('a', a)).toEqual({ name: 'used' });
    cache.drop(KEY_A);
    expect(await cache.get('a', a)).toEqual({ name: 'a' });
  });
});
