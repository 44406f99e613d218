import * as oauth from 'oauth4webapi';
import { expect } from 'vitest';
import { sessionCookieName } from '@/server/auth/cookie';
import { createSession } from '@/server/auth/session';
import { withIdentity } from '@/server/db/tenant';
import type { Database } from '@/server/db/types';
import { CookieJar } from './cookie-jar';

/**
 * A browser going through an app's authorization request: it keeps cookies (the app's session
 * and the authorization server's own), follows redirects by hand, and stops at the consent page
 * or at the app's redirect URI.
 */
export class OAuthBrowser {
  readonly #cookies = new CookieJar();

  constructor(readonly origin: string) {}

  /** Signs a person in, as the sign-in page would have: a session cookie of the app. */
  async signIn(db: Database, userId: string, organizationId: string) {
    const session = await withIdentity(db, (tx) =>
      createSession(tx, {
        userId,
        activeOrganizationId: organizationId,
        ipAddress: null,
        userAgent: null,
      }),
    );
    this.#cookies.set(sessionCookieName(false), session.token);
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const cookie = this.#cookies.header();
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(new URL(url, this.origin), { ...init, headers, redirect: 'manual' });
    this.#cookies.store(res);
    return res;
  }

  /** Follows redirects from `url` until a page of the app, or a URL outside this origin. */
  async follow(url: string): Promise<URL> {
    let next = new URL(url, this.origin);
    for (let hops = 0; hops < 10; hops += 1) {
      if (
        next.origin !== this.origin ||
        next.pathname === '/oauth/consent' ||
        next.pathname === '/sign-in'
      ) {
        return next;
      }
      const res = await this.fetch(next.href);
      const location = res.headers.get('location');
      if (!location) {
        throw new Error(
          `${next.pathname} answered ${res.status} without a redirect: ${await res.text()}`,
        );
      }
      next = new URL(location, next);
    }
    throw new Error('Too many redirects');
  }

  /** Answers the consent page as its buttons do; returns where the browser ends up. */
  async answerConsent(consentPage: URL, answer: 'confirm' | 'deny'): Promise<URL> {
    const uid = consentPage.searchParams.get('request');
    const res = await this.fetch(`/oauth/interaction/${uid}/${answer}`, {
      method: 'POST',
      headers: { origin: this.origin },
    });
    expect(res.status).toBe(200);
    const { redirectTo } = (await res.json()) as { redirectTo: string };
    return this.follow(redirectTo);
  }
}

/** An authorization request URL with PKCE (S256), as oauth4webapi builds one. */
export async function authorizationRequest(
  as: oauth.AuthorizationServer,
  client: oauth.Client,
  redirectUri: string,
  scope: string,
  extra: Record<string, string> = {},
) {
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint!);
  url.searchParams.set('client_id', client.client_id);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', scope);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  for (const [name, value] of Object.entries(extra)) url.searchParams.set(name, value);
  return { url, codeVerifier, state };
}

/** Insecure transport is fine against the test server on this machine. */
export const localHttp = { [oauth.allowInsecureRequests]: true };

/** The authorization server's RFC 8414 metadata, as a client discovers it. */
export async function discoverAuthorizationServer(
  origin: string,
): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(origin);
  const response = await oauth.discoveryRequest(issuer, { ...localHttp, algorithm: 'oauth2' });
  return oauth.processDiscoveryResponse(issuer, response);
}

export interface Connection {
  /** The person who allows the app, signed in to this organization. */
  userId: string;
  organizationId: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scope: string;
}

/**
 * A person signs in, is sent to the app's authorization request and allows it; the app trades
 * the code (PKCE) for tokens. Returns what the app then holds.
 */
export async function connectApp(origin: string, db: Database, connection: Connection) {
  const as = await discoverAuthorizationServer(origin);
  const client: oauth.Client = { client_id: connection.clientId };
  const clientAuth = oauth.ClientSecretBasic(connection.clientSecret);
  const browser = new OAuthBrowser(origin);
  await browser.signIn(db, connection.userId, connection.organizationId);
  const request = await authorizationRequest(as, client, connection.redirectUri, connection.scope);
  const consentPage = await browser.follow(request.url.href);
  expect(consentPage.pathname).toBe('/oauth/consent');
  const callback = await browser.answerConsent(consentPage, 'confirm');
  const params = oauth.validateAuthResponse(as, client, callback, request.state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    clientAuth,
    params,
    connection.redirectUri,
    request.codeVerifier,
    localHttp,
  );
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
  return { as, client, clientAuth, browser, tokens };
}
