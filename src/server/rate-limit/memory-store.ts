/**
 * The in-process fallback for a single instance with no Redis configured: the same sliding
 * window as @upstash/ratelimit (the previous window's count weighted by how much of it still
 * overlaps), kept in a Map. It cannot run Upstash's Lua scripts, hence its own few lines.
 */
export class MemorySlidingWindow {
  readonly #windows = new Map<string, { window: number; count: number; previous: number }>();
  #lastSweep = 0;

  hit(key: string, limit: number, windowMs: number, now = Date.now()) {
    this.#sweep(now, windowMs);
    const window = Math.floor(now / windowMs);
    let entry = this.#windows.get(key);
    if (!entry || entry.window < window - 1) entry = { window, count: 0, previous: 0 };
    else if (entry.window === window - 1) entry = { window, count: 0, previous: entry.count };
    const elapsed = (now % windowMs) / windowMs;
    const used = Math.floor(entry.previous * (1 - elapsed)) + entry.count;
    const success = used < limit;
    if (success) entry.count += 1;
    this.#windows.set(key, entry);
    return {
      success,
      limit,
      remaining: Math.max(0, limit - used - (success ? 1 : 0)),
      reset: (window + 1) * windowMs,
    };
  }

  #sweep(now: number, windowMs: number) {
    if (now - this.#lastSweep < 60_000) return;
    this.#lastSweep = now;
    const current = Math.floor(now / windowMs);
    for (const [key, entry] of this.#windows) {
      if (entry.window < current - 1) this.#windows.delete(key);
    }
  }
}
