import { Ratelimit } from '@upstash/ratelimit';
import { Redis as UpstashRedis } from '@upstash/redis';
import { Redis as IORedis } from 'ioredis';
import type { Logger } from 'pino';
import { rateLimitStoreErrors } from '@/server/observability/metrics';
import { IORedisRatelimitAdapter } from './ioredis-adapter';
import { MemorySlidingWindow } from './memory-store';
import { apiRules, RATE_LIMIT_RULES, type RateLimitRule, type RateLimitRuleName } from './rules';

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window has room again. */
  resetSeconds: number;
  /** The store could not be asked; `allowed` then follows the rule's fail mode. */
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
  /** Replaces the limits of some rules (tests). */
  overrides?: Partial<Record<RateLimitRuleName, RateLimitRule>>;
  /** Prefix of the store's keys; one per deployment sharing a Redis (tests use their own). */
  keyPrefix?: string;
}

/** One limiter for every rule, over Upstash, any Redis, or (one instance only) memory. */
export class RateLimiter {
  readonly #rules: Record<RateLimitRuleName, RateLimitRule>;
  readonly #logger: Logger;
  readonly #memory?: MemorySlidingWindow;
  readonly #redis?: IORedis;
  readonly #limiters = new Map<RateLimitRuleName, Ratelimit>();
  readonly #lastAlert = new Map<RateLimitRuleName, number>();
  readonly backend: RateLimiterBackend['kind'];

  constructor(options: RateLimiterOptions) {
    this.#rules = { ...RATE_LIMIT_RULES, ...apiRules(options.limits), ...options.overrides };
    this.#logger = options.logger;
    this.backend = options.backend.kind;
    const timeout = options.timeoutMs ?? 750;
    const backend = options.backend;
    if (backend.kind === 'memory') {
      this.#memory = new MemorySlidingWindow();
      return;
    }
    let store: ConstructorParameters<typeof Ratelimit>[0]['redis'];
    if (backend.kind === 'upstash') {
      store = new UpstashRedis({ url: backend.url, token: backend.token, retry: false });
    } else {
      // Fail fast while Redis is away (no queueing, no retries per command); reconnect by itself.
      this.#redis = new IORedis(backend.url, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: timeout,
        retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
      });
      this.#redis.on('error', (error) =>
        this.#logger.debug({ err: error }, 'rate limit store error'),
      );
      store = new IORedisRatelimitAdapter(this.#redis) as unknown as typeof store;
    }
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
    if (this.#memory) {
      return decision(
        this.#memory.hit(`${name}:${identifier}`, rule.limit, rule.windowSeconds * 1000),
      );
    }
    try {
      const result = await this.#limiters.get(name)!.limit(identifier);
      if (result.reason === 'timeout') throw new Error('rate limit store timed out');
      return decision(result);
    } catch (error) {
      rateLimitStoreErrors().inc({ rule: name });
      // One alert per rule every 30 s, not one per request, while the store is away.
      const now = Date.now();
      if (now - (this.#lastAlert.get(name) ?? 0) > 30_000) {
        this.#lastAlert.set(name, now);
        this.#logger.error(
          { err: error, rule: name, failClosed: rule.failClosed },
          rule.failClosed
            ? 'rate limit store unavailable: refusing requests this rule protects'
            : 'rate limit store unavailable: allowing requests without this limit',
        );
      }
      return {
        allowed: !rule.failClosed,
        limit: rule.limit,
        remaining: rule.limit,
        resetSeconds: 0,
        unavailable: true,
      };
    }
  }

  async close(): Promise<void> {
    this.#redis?.disconnect();
  }
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
