import { Ratelimit } from '@upstash/ratelimit';
import { Redis as UpstashRedis } from '@upstash/redis';
import { Redis as IORedis } from 'ioredis';
import type { Logger } from 'pino';
import { rateLimitStoreErrors } from '@/server/observability/metrics';
import { IORedisRatelimitAdapter } from './ioredis-adapter';
import { MemorySlidingWindow } from './memory-store';
import { apiRules, RATE_LIMIT_RULES, type RateLimitRule, type RateLimitRuleName } from './rules';
import { StoreBreaker } from './store-breaker';

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window has room again. */
  resetSeconds: number;
  /** The store could not be asked for a rule that fails closed: refused, with no count to show. */
  unavailable: boolean;
}

export type RateLimiterBackend =
  | { kind: 'upstash'; url: string; token: string }
  | { kind: 'redis'; url: string }
  | { kind: 'memory' };

export interface RateLimiterOptions {
  backend: RateLimiterBackend;
  limits: { restPerKey: number; restPerOrganization: number; trpcPerUser: number };
  logger: Logger;
  /** How long to wait for the store before treating it as down. */
  timeoutMs?: number;
  /** How long a store that failed is left alone before it is probed again. */
  breakerCooldownMs?: number;
  /** Replaces the limits of some rules (tests). */
  overrides?: Partial<Record<RateLimitRuleName, RateLimitRule>>;
  /** Prefix of the store's keys; one per deployment sharing a Redis (tests use their own). */
  keyPrefix?: string;
}

/**
 * One limiter for every rule, over Upstash, any Redis, or (one instance only) memory. When the
 * store fails or stops answering, a breaker keeps checks off it until it answers again;
 * meanwhile rules that fail closed refuse, and the others are counted in this process, so
 * responses keep their RateLimit headers and one client still cannot flood one instance.
 */
export class RateLimiter {
  readonly #rules: Record<RateLimitRuleName, RateLimitRule>;
  readonly #logger: Logger;
  readonly #memory?: MemorySlidingWindow;
  readonly #redis?: IORedis;
  readonly #limiters = new Map<RateLimitRuleName, Ratelimit>();
  readonly #breaker: StoreBreaker;
  /** The counts of fail-open rules while the store is away. */
  readonly #fallback = new MemorySlidingWindow();
  readonly backend: RateLimiterBackend['kind'];

  constructor(options: RateLimiterOptions) {
    this.#rules = { ...RATE_LIMIT_RULES, ...apiRules(options.limits), ...options.overrides };
    this.#logger = options.logger;
    this.backend = options.backend.kind;
    const timeout = options.timeoutMs ?? 750;
    const backend = options.backend;
    let store: ConstructorParameters<typeof Ratelimit>[0]['redis'] | undefined;
    let ping: () => Promise<unknown> = async () => {};
    if (backend.kind === 'memory') {
      this.#memory = new MemorySlidingWindow();
    } else if (backend.kind === 'upstash') {
      const upstash = new UpstashRedis({ url: backend.url, token: backend.token, retry: false });
      store = upstash;
      ping = () => upstash.ping();
    } else {
      // Fail fast while Redis is away (no queueing, no retries per command, no command waiting
      // longer than the timeout); reconnect by itself.
      const redis = new IORedis(backend.url, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: timeout,
        commandTimeout: timeout,
        retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
      });
      redis.on('error', (error) => this.#logger.debug({ err: error }, 'rate limit store error'));
      // Connected again after losing the connection: the store is back.
      redis.on('ready', () => this.#breaker.succeeded());
      this.#redis = redis;
      store = new IORedisRatelimitAdapter(redis) as unknown as typeof store;
      ping = () => redis.ping();
    }
    this.#breaker = new StoreBreaker({
      cooldownMs: options.breakerCooldownMs ?? 2_000,
      probe: () => withTimeout(ping(), timeout),
      onOpen: (error) =>
        this.#logger.error(
          { err: error },
          'rate limit store unavailable: credential limits refuse requests, API limits are counted in this process, until it answers again',
        ),
      onClose: () => this.#logger.info('rate limit store answers again'),
    });
    if (!store) return;
    for (const [name, rule] of Object.entries(this.#rules) as [
      RateLimitRuleName,
      RateLimitRule,
    ][]) {
      this.#limiters.set(
        name,
        new Ratelimit({
          redis: store,
          limiter: Ratelimit.slidingWindow(rule.limit, `${rule.windowSeconds} s`),
          prefix: `${options.keyPrefix ?? 'clientele:rl'}:${name}`,
          timeout,
          analytics: false,
          ephemeralCache: false,
        }),
      );
    }
  }

  /** Waits (briefly) for the Redis connection, so the first requests do not see it as down. */
  async ready(timeoutMs = 2_000): Promise<void> {
    const redis = this.#redis;
    if (!redis || redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  rule(name: RateLimitRuleName): RateLimitRule {
    return this.#rules[name];
  }

  async check(name: RateLimitRuleName, identifier: string): Promise<RateLimitDecision> {
    const rule = this.#rules[name];
    if (this.#memory) return countIn(this.#memory, name, rule, identifier);
    if (this.#breaker.allowsRequest()) {
      try {
        const result = await this.#limiters.get(name)!.limit(identifier);
        if (result.reason === 'timeout') throw new Error('rate limit store timed out');
        this.#breaker.succeeded();
        return decision(result);
      } catch (error) {
        rateLimitStoreErrors().inc({ rule: name });
        this.#breaker.failed(error);
      }
    }
    if (!rule.failClosed) return countIn(this.#fallback, name, rule, identifier);
    return {
      allowed: false,
      limit: rule.limit,
      remaining: rule.limit,
      resetSeconds: 0,
      unavailable: true,
    };
  }

  async close(): Promise<void> {
    this.#redis?.disconnect();
  }
}

function countIn(
  memory: MemorySlidingWindow,
  name: RateLimitRuleName,
  rule: RateLimitRule,
  identifier: string,
): RateLimitDecision {
  return decision(memory.hit(`${name}:${identifier}`, rule.limit, rule.windowSeconds * 1000));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('rate limit store timed out')), ms);
  });
  return Promise.race([promise, timedOut]).finally(() => clearTimeout(timer));
}

function decision(result: {
  success: boolean;
  limit: number;
  remaining: number;
  reset: number;
}): RateLimitDecision {
  return {
    allowed: result.success,
    limit: result.limit,
    remaining: Math.max(0, result.remaining),
    resetSeconds: Math.max(0, Math.ceil((result.reset - Date.now()) / 1000)),
    unavailable: false,
  };
}

/** The backend configuration picks: Upstash, else Redis, else memory. */
export function rateLimiterBackend(config: {
  UPSTASH_REDIS_REST_URL?: string;
  UPSTASH_REDIS_REST_TOKEN?: string;
  REDIS_URL?: string;
}): RateLimiterBackend {
  if (config.UPSTASH_REDIS_REST_URL && config.UPSTASH_REDIS_REST_TOKEN) {
    return {
      kind: 'upstash',
      url: config.UPSTASH_REDIS_REST_URL,
      token: config.UPSTASH_REDIS_REST_TOKEN,
    };
  }
  if (config.REDIS_URL) return { kind: 'redis', url: config.REDIS_URL };
  return { kind: 'memory' };
}
