import type { RateLimitRuleName } from './rules';

/** A limiter bound to a request, for domain code that must throttle by its own keys. */
export type Throttle = (rule: RateLimitRuleName, identifier: string) => Promise<void>;
