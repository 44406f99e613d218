import { parseSetCookie, stringifyCookie } from 'cookie';

/** Cookie values go back exactly as the server set them, as a browser sends them. */
const asSent = (value: string) => value;

/**
 * The cookies a browser keeps for one site: what responses set, until they clear it (an empty
 * value, or an expiry or Max-Age already past) or it expires; sent back as one Cookie header.
 */
export class CookieJar {
  readonly #cookies = new Map<string, { value: string; expiresAt: number }>();

  /** Keeps a cookie until `expiresAt` (milliseconds since the epoch; by default, for good). */
  set(name: string, value: string, expiresAt = Infinity) {
    this.#cookies.set(name, { value, expiresAt });
  }

  /** A cookie's value now, if it is kept and not expired. */
  get(name: string): string | undefined {
    const cookie = this.#cookies.get(name);
    return cookie && cookie.expiresAt > Date.now() ? cookie.value : undefined;
  }

  /** Takes what a response's Set-Cookie headers set and clear. */
  store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const { name, value, maxAge, expires } = parseSetCookie(line, { decode: asSent });
      const expiresAt =
        maxAge !== undefined ? Date.now() + maxAge * 1000 : (expires?.getTime() ?? Infinity);
      if (!value || expiresAt <= Date.now()) this.#cookies.delete(name);
      else this.set(name, value, expiresAt);
    }
  }

  /** The Cookie header of a request now: every cookie not yet expired ('' when none). */
  header(): string {
    const now = Date.now();
    const live = [...this.#cookies].filter(([, { expiresAt }]) => expiresAt > now);
    return stringifyCookie(Object.fromEntries(live.map(([name, { value }]) => [name, value])), {
      encode: asSent,
    });
  }
}
