/**
 * Every limit in one table. Credential endpoints fail closed (503 when the limiter store is
 * down: better to refuse a sign-in than to allow unlimited guessing); general API traffic fails
 * open with a logged alert (an outage of Redis must not take the API down). Windows slide, so
 * nobody is ever locked out for good.
 */
export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
  failClosed: boolean;
}

export const RATE_LIMIT_RULES = {
  /** Sign-in attempts from one address, whatever the account. */
  'sign-in:ip': { limit: 60, windowSeconds: 900, failClosed: true },
  /**
   * Sign-in attempts for one account from one address. Keyed by address too, so that somebody
   * guessing a victim's password throttles only themselves, never the victim.
   */
  'sign-in:account-ip': { limit: 10, windowSeconds: 900, failClosed: true },
  'two-factor:user': { limit: 10, windowSeconds: 900, failClosed: true },
  'sign-up:ip': { limit: 10, windowSeconds: 3600, failClosed: true },
  'password-reset:ip': { limit: 10, windowSeconds: 3600, failClosed: true },
  'password-reset:email': { limit: 3, windowSeconds: 3600, failClosed: true },
  'email-verification:user': { limit: 5, windowSeconds: 3600, failClosed: true },
  /** Phone verification codes sent for one person: each is an SMS somebody pays for. */
  'phone-code:user': { limit: 5, windowSeconds: 3600, failClosed: true },
  'reauthentication:user': { limit: 10, windowSeconds: 900, failClosed: true },
  'invitation:user': { limit: 50, windowSeconds: 3600, failClosed: true },
  'invitation-accept:ip': { limit: 30, windowSeconds: 900, failClosed: true },
  'api-key-create:user': { limit: 20, windowSeconds: 3600, failClosed: true },
  /** REST requests refused before a key was counted (no or bad key, bad body), per address. */
  'rest-refused:ip': { limit: 120, windowSeconds: 60, failClosed: false },
  /** The same for the MCP server (no or bad credential, bad body, unknown session). */
  'mcp-refused:ip': { limit: 120, windowSeconds: 60, failClosed: false },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitRuleName =
  keyof typeof RATE_LIMIT_RULES | 'api:key' | 'api:organization' | 'api:user';

/** The per-minute API limits come from configuration (RATE_LIMIT_*). */
export function apiRules(limits: {
  restPerKey: number;
  restPerOrganization: number;
  trpcPerUser: number;
}) {
  return {
    'api:key': { limit: limits.restPerKey, windowSeconds: 60, failClosed: false },
    'api:organization': { limit: limits.restPerOrganization, windowSeconds: 60, failClosed: false },
    'api:user': { limit: limits.trpcPerUser, windowSeconds: 60, failClosed: false },
  } satisfies Record<string, RateLimitRule>;
}
