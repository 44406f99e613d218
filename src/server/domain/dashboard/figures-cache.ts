import superjson from 'superjson';
import type { z } from 'zod';
import type { Logger } from 'pino';
import { sharedCache, type SharedCache } from '@/server/cache/shared-cache';
import { latestChangeSequence } from '@/server/db/repositories/audit-logs';
import type { TenantTx } from '@/server/db/types';
import type { RateLimiterBackend } from '@/server/rate-limit/limiter';

/**
 * The dashboard's figures, computed once per state of the organization and kept (in Redis, shared
 * by every instance, or in this process) for `ttlSeconds` at most.
 *
 * A figure is filed under the sequence of the organization's latest change, read in the same
 * transaction as the figure would be computed: every change is committed with its audit row, so
 * a change makes the next read look under a new sequence, on every instance and on replicas
 * alike, and a figure is never filed under a sequence its data did not have. The date is part of
 * the key too, since weeks and months move on by themselves.
 */
export class FiguresCache {
  readonly #cache: SharedCache | undefined;
  readonly #ttlSeconds: number;

  /** `ttlSeconds` 0 turns it off: every figure is computed. */
  constructor(cache: SharedCache | undefined, ttlSeconds: number) {
    this.#cache = ttlSeconds > 0 ? cache : undefined;
    this.#ttlSeconds = ttlSeconds;
  }

  /**
   * The figures kept where the rate limits are (Redis when configured, else this process); with
   * `ttlSeconds` 0 nothing is kept, and no store, nor connection to one, is opened.
   */
  static open(backend: RateLimiterBackend, ttlSeconds: number, logger: Logger): FiguresCache {
    return new FiguresCache(ttlSeconds > 0 ? sharedCache(backend, logger) : undefined, ttlSeconds);
  }

  async close(): Promise<void> {
    await this.#cache?.close();
  }

  /**
   * The figure `name` (with its input, if any) as of tx's snapshot. A kept value that does not
   * fit `shape` (kept by another version of the app, sharing the store) is computed anew.
   */
  async figure<T>(
    tx: TenantTx,
    name: string,
    shape: z.ZodType,
    compute: () => Promise<T>,
  ): Promise<T> {
    const cache = this.#cache;
    if (!cache) return compute();
    const sequence = await latestChangeSequence(tx);
    const day = new Date().toISOString().slice(0, 10);
    const key = `clientele:figures:${tx.organizationId}:${sequence}:${day}:${name}`;
    const kept = keptValue(await cache.get(key), shape);
    if (kept.found) return kept.value as T;
    const value = await compute();
    void cache.set(key, superjson.stringify(value), this.#ttlSeconds);
    return value;
  }
}

function keptValue(kept: string | undefined, shape: z.ZodType) {
  if (kept === undefined) return { found: false } as const;
  try {
    const value: unknown = superjson.parse(kept);
    return shape.safeParse(value).success ? { found: true, value } : { found: false };
  } catch {
    return { found: false } as const;
  }
}
