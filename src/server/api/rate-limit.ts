import type { RateLimitDecision } from '@/server/rate-limit/limiter';
import type { RateLimitRuleName } from '@/server/rate-limit/rules';
import type { Throttle } from '@/server/rate-limit/throttle';
import { rateLimitRejections } from '@/server/observability/metrics';
import { AppError } from '@/server/errors';
import { tooManyRequestsMessage } from '@/lib/wait-time';
import type { Context, Principal } from './context';

/** RateLimit-* (IETF draft) and, when refused, Retry-After. */
export function applyRateLimitHeaders(headers: Headers, decision: RateLimitDecision) {
  if (decision.unavailable) return;
  headers.set('ratelimit-limit', String(decision.limit));
  headers.set('ratelimit-remaining', String(decision.remaining));
  headers.set('ratelimit-reset', String(decision.resetSeconds));
  if (!decision.allowed) headers.set('retry-after', String(Math.max(1, decision.resetSeconds)));
}

/**
 * Counts one request against a rule; refuses with 429 (or 503 when a fail-closed rule cannot
 * reach its store). The decision's headers go on the response either way.
 */
export async function enforceRateLimit(
  ctx: Pick<Context, 'services' | 'responseHeaders'>,
  rule: RateLimitRuleName,
  identifier: string,
): Promise<RateLimitDecision> {
  return enforceRateLimits(ctx, [[rule, identifier]]);
}

/**
 * Counts one request against each rule in turn and stops at the first that refuses it, so a
 * request one limit refused is not counted by the next (a key over its own limit does not use
 * up its organization's). The headers describe the limit that leaves the fewest requests, or
 * the one that refused.
 */
export async function enforceRateLimits(
  ctx: Pick<Context, 'services' | 'responseHeaders'>,
  checks: [RateLimitRuleName, string][],
): Promise<RateLimitDecision> {
  let tightest: RateLimitDecision | undefined;
  for (const [rule, identifier] of checks) {
    const decision = await ctx.services.rateLimiter.check(rule, identifier);
    if (!decision.allowed) {
      applyRateLimitHeaders(ctx.responseHeaders, decision);
      refuse(ctx, rule, decision);
    }
    if (!tightest || decision.remaining < tightest.remaining) tightest = decision;
  }
  applyRateLimitHeaders(ctx.responseHeaders, tightest!);
  return tightest!;
}

function refuse(
  ctx: Pick<Context, 'responseHeaders'>,
  rule: RateLimitRuleName,
  decision: RateLimitDecision,
): never {
  if (decision.unavailable) {
    rateLimitRejections().inc({ rule, reason: 'store_unavailable' });
    ctx.responseHeaders.set('retry-after', '5');
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      'This is unavailable for a moment; try again shortly',
      {
        retryAfterSeconds: 5,
      },
    );
  }
  rateLimitRejections().inc({ rule, reason: 'limit' });
  throw new AppError(
    'TOO_MANY_REQUESTS',
    tooManyRequestsMessage(Math.max(1, decision.resetSeconds)),
    { retryAfterSeconds: Math.max(1, decision.resetSeconds) },
  );
}

/**
 * The API limits of a caller, on every door but the server-side caller: per organization and
 * per key for API keys, per person for people.
 */
export async function enforceApiLimits(
  ctx: Pick<Context, 'services' | 'responseHeaders'>,
  principal: Principal,
): Promise<void> {
  if (principal.kind === 'apiKey') {
    await enforceRateLimits(ctx, [
      ['api:key', principal.apiKeyId],
      ['api:organization', principal.organization.id],
    ]);
  } else if (principal.kind === 'oauth') {
    // An app's tokens share one budget per person (or for the app itself), like a key's.
    await enforceRateLimits(ctx, [
      ['api:key', `oauth:${principal.appId}:${principal.userId ?? 'app'}`],
      ['api:organization', principal.organization.id],
    ]);
  } else {
    await enforceRateLimit(ctx, 'api:user', principal.userId);
  }
}

/** The Throttle of a request: its refusals and RateLimit headers go on the request's response. */
export const throttleFor =
  (ctx: Pick<Context, 'services' | 'responseHeaders'>): Throttle =>
  async (rule, identifier) => {
    await enforceRateLimit(ctx, rule, identifier);
  };
