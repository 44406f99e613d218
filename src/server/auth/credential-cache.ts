import { LRUCache } from 'lru-cache';
import type { Principal } from '@/server/api/context';
import type { ApiKeyAccess } from '@/server/db/repositories/api-keys';
import { accessKey, type AccessChange, type EventBus } from '@/server/events/bus';

export interface CacheableCredential<T> {
  value: T;
  /** The changes that end or narrow this credential's access: any of them drops the entry. */
  dependsOn: AccessChange[];
}

interface Entry<T> {
  value: T;
  accessKeys: string[];
}

/**
 * What credentials (an API key, an OAuth access token) resolved to, kept in this process so that
 * a request skips their lookup. The database announces every change that ends or narrows access
 * on commit, to every instance (the access triggers); an entry that depends on it is dropped
 * then, so a revocation takes effect at once everywhere. When announcements may have been missed
 * (the listener reconnected), everything is dropped. `ttlMs` bounds an entry's age besides.
 *
 * In process rather than in Redis: a Redis read is a round trip like the lookup it would save.
 */
export class CredentialCache<T extends object> {
  readonly #entries: LRUCache<string, Entry<T>> | undefined;
  /** Access key → the cache keys whose entries depend on it. */
  readonly #dependents = new Map<string, Set<string>>();
  /** Moves on with every drop, so a lookup that raced with one is not kept. */
  #generation = 0;

  /** `ttlMs` 0 turns the cache off: every request looks its credential up. */
  constructor(options: { ttlMs: number; max?: number }) {
    if (options.ttlMs <= 0) return;
    this.#entries = new LRUCache<string, Entry<T>>({
      max: options.max ?? 10_000,
      ttl: options.ttlMs,
      dispose: (entry, key) => this.#unindex(key, entry.accessKeys),
    });
  }

  /** Drops entries as the bus announces changes to access, until the returned function is called. */
  follow(events: EventBus): () => void {
    const stops = [
      events.onAccessChange((change) => this.drop(change)),
      events.onGap(() => this.clear()),
    ];
    return () => stops.forEach((stop) => stop());
  }

  /**
   * The cached value for `key`, else `lookup`'s, which is kept unless an access change arrived
   * while it ran (it may have read the row before the change committed).
   */
  async get(
    key: string,
    lookup: () => Promise<CacheableCredential<T> | undefined>,
  ): Promise<T | undefined> {
    const cached = this.#entries?.get(key);
    if (cached) return cached.value;
    const generation = this.#generation;
    const found = await lookup();
    if (!found || !this.#entries || generation !== this.#generation) return found?.value;
    const accessKeys = found.dependsOn.map(accessKey);
    this.#entries.set(key, { value: found.value, accessKeys });
    for (const access of accessKeys) {
      const keys = this.#dependents.get(access) ?? new Set<string>();
      keys.add(key);
      this.#dependents.set(access, keys);
    }
    return found.value;
  }

  /** Replaces a cached value in place (a key's last use), keeping what it depends on. */
  update(key: string, value: T): void {
    const cached = this.#entries?.get(key);
    if (cached) cached.value = value;
  }

  drop(change: AccessChange): void {
    this.#generation++;
    for (const key of this.#dependents.get(accessKey(change)) ?? []) this.#entries?.delete(key);
  }

  clear(): void {
    this.#generation++;
    this.#entries?.clear();
  }

  get size(): number {
    return this.#entries?.size ?? 0;
  }

  #unindex(key: string, accessKeys: string[]) {
    for (const access of accessKeys) {
      const keys = this.#dependents.get(access);
      keys?.delete(key);
      if (keys?.size === 0) this.#dependents.delete(access);
    }
  }
}

/** What API keys and OAuth access tokens resolved to, kept between requests. */
export interface CredentialCaches {
  apiKeys: CredentialCache<ApiKeyAccess>;
  oauthTokens: CredentialCache<Extract<Principal, { kind: 'oauth' }>>;
}

/** The caches, each keeping an entry `ttlMs` at most; 0 turns them off. */
export const credentialCaches = (ttlMs: number): CredentialCaches => ({
  apiKeys: new CredentialCache({ ttlMs }),
  oauthTokens: new CredentialCache({ ttlMs }),
});
