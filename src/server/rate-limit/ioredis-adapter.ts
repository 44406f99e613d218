import { createHash } from 'node:crypto';
import type { Redis as IORedis } from 'ioredis';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * The two calls @upstash/ratelimit makes (evalsha, and eval when the script is unknown), over
 * an ioredis client, so any Redis can back the limiter. Upstash's scripts start with
 * `#!lua flags=allow-key-locking`, which Redis before 7.2 rejects, so the shebang is stripped
 * and Upstash's script hash is mapped to the hash of the stripped script.
 */
export class IORedisRatelimitAdapter {
  readonly #client: IORedis;
  readonly #scripts = new Map<string, { sha: string; script: string }>();

  constructor(client: IORedis) {
    this.#client = client;
  }

  async evalsha<TResult>(upstashSha: string, keys: string[], args: unknown[]): Promise<TResult> {
    const known = this.#scripts.get(upstashSha);
    if (!known)
      throw new Error('NOSCRIPT No matching script (not loaded through this adapter yet)');
    return (await this.#client.evalsha(
      known.sha,
      keys.length,
      ...keys,
      ...args.map(String),
    )) as TResult;
  }

  async eval<TResult>(script: string, keys: string[], args: unknown[]): Promise<TResult> {
    const stripped = script.replace(/^#!lua[^\n]*\n/, '');
    this.#scripts.set(sha1(script), { sha: sha1(stripped), script: stripped });
    return (await this.#client.eval(
      stripped,
      keys.length,
      ...keys,
      ...args.map(String),
    )) as TResult;
  }
}
