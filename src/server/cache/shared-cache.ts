import { Redis as UpstashRedis } from '@upstash/redis';
import { Redis as IORedis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { RateLimiterBackend } from '@/server/rate-limit/limiter';
import { StoreBreaker } from '@/server/rate-limit/store-breaker';

/**
 * Strings kept for a while under keys: in Redis, shared by every instance, when one is
 * configured (the same as the rate limits'), else in this process's memory. A cache, never a
 * source of truth: while Redis fails or is slow, reads miss and writes are skipped (after the
 * first failure, without asking it until a probe succeeds), so the caller computes instead.
 */
export interface SharedCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  close(): Promise<void>;
}

interface Client {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<unknown>;
  ping(): Promise<unknown>;
  close(): Promise<unknown>;
}

const TIMEOUT_MS = 250;

export function sharedCache(backend: RateLimiterBackend, logger: Logger): SharedCache {
  if (backend.kind === 'memory') return memoryCache(10_000);
  const client = backend.kind === 'redis' ? ioredisClient(backend.url) : upstashClient(backend);
  const breaker = new StoreBreaker({
    cooldownMs: 2_000,
    probe: () => client.ping(),
    onOpen: (error) =>
      logger.warn({ err: error }, 'cache store unavailable: computing instead until it answers'),
    onClose: () => logger.info('cache store answers again'),
  });
  const attempt = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    if (!breaker.allowsRequest()) return undefined;
    try {
      const result = await work();
      breaker.succeeded();
      return result;
    } catch (error) {
      breaker.failed(error);
      return undefined;
    }
  };
  return {
    get: async (key) => (await attempt(() => client.get(key))) ?? undefined,
    set: async (key, value, ttlSeconds) =>
      void (await attempt(() => client.set(key, value, ttlSeconds))),
    close: async () => void (await client.close()),
  };
}

function memoryCache(max: number): SharedCache {
  const entries = new LRUCache<string, string>({ max });
  return {
    get: async (key) => entries.get(key),
    set: async (key, value, ttlSeconds) => void entries.set(key, value, { ttl: ttlSeconds * 1000 }),
    close: async () => entries.clear(),
  };
}

function ioredisClient(url: string): Client {
  // Fail fast while Redis is away: no queueing, no retries, no command waiting past the timeout.
  const redis = new IORedis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: TIMEOUT_MS,
    commandTimeout: TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  redis.on('error', () => {});
  return {
    get: (key) => redis.get(key),
    set: (key, value, ttlSeconds) => redis.set(key, value, 'EX', ttlSeconds),
    ping: () => redis.ping(),
    close: () => redis.quit().catch(() => redis.disconnect()),
  };
}

function upstashClient(backend: { url: string; token: string }): Client {
  const redis = new UpstashRedis({
    url: backend.url,
    token: backend.token,
    retry: false,
    signal: () => AbortSignal.timeout(TIMEOUT_MS),
    // Values are the caller's strings, kept as they are.
    automaticDeserialization: false,
  });
  return {
    get: (key) => redis.get<string>(key),
    set: (key, value, ttlSeconds) => redis.set(key, value, { ex: ttlSeconds }),
    ping: () => redis.ping(),
    close: async () => {},
  };
}
