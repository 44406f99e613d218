import { SSO_PATHS } from '@/schemas/sso';
import { CookieJar } from './cookie-jar';

/**
 * A browser going through an SSO sign-in: one cookie jar for every site it visits (as browsers
 * share cookies across ports of a host), redirects followed by hand.
 */
export class SsoBrowser {
  readonly #cookies = new CookieJar();

  constructor(readonly appOrigin: string) {}

  cookieHeader(): string {
    return this.#cookies.header();
  }

  cookie(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  setCookie(name: string, value: string) {
    this.#cookies.set(name, value);
  }

  async fetch(url: string | URL): Promise<Response> {
    const cookie = this.cookieHeader();
    const res = await fetch(new URL(url, this.appOrigin), {
      headers: cookie ? { cookie } : {},
      redirect: 'manual',
    });
    this.#cookies.store(res);
    return res;
  }

  /**
   * Follows redirects from `url` through the provider until the browser is about to come back
   * to the app's SSO callback (returned unvisited) or lands on another page of the app.
   */
  async toCallback(url: string | URL): Promise<URL> {
    let next = new URL(url, this.appOrigin);
    for (let hops = 0; hops < 15; hops += 1) {
      const res = await this.fetch(next);
      const location = res.headers.get('location');
      if (!location) {
        throw new Error(
          `${next.href} answered ${res.status} without a redirect: ${await res.text()}`,
        );
      }
      next = new URL(location, next);
      const inApp = next.origin === this.appOrigin;
      if (inApp && (next.pathname === SSO_PATHS.callback || !next.pathname.startsWith('/auth/'))) {
        return next;
      }
    }
    throw new Error('Too many redirects');
  }

  /** Visits the callback; returns where the app sends the browser next. */
  async complete(callback: URL): Promise<URL> {
    const res = await this.fetch(callback);
    const location = res.headers.get('location');
    if (res.status !== 303 || !location) {
      throw new Error(`The callback answered ${res.status}: ${await res.text()}`);
    }
    return new URL(location, this.appOrigin);
  }
}

/** The error a refusal shows on the SSO sign-in page, read from where the app sent the browser. */
export const refusalOn = (landing: URL) =>
  landing.pathname === SSO_PATHS.page ? landing.searchParams.get('error') : null;
