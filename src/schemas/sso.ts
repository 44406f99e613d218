import { z } from 'zod';
import { timestamp, uuid } from './common';
import { API_KEY_ROLES } from './permissions';

/** The server's SSO routes and the page where a person starts (and sees why a sign-in failed). */
export const SSO_PATHS = {
  start: '/auth/sso/start',
  callback: '/auth/sso/callback',
  page: '/sign-in/sso',
} as const;

/** The SSO sign-in page for one organization, as an SSO-only organization's refusal names it. */
export const ssoSignInPath = (organizationSlug: string) =>
  `${SSO_PATHS.page}?organization=${encodeURIComponent(organizationSlug)}`;

/** What an administrator registers at the provider as the redirect URI. */
export const ssoCallbackUrl = (appUrl: string) => `${appUrl}${SSO_PATHS.callback}`;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * Whether this process is not in production. A page leaves it to the server: a production build
 * runs in the browser as "production" even when the server it talks to is not.
 */
const localHttpAllowed = () =>
  typeof window !== 'undefined' || process.env.NODE_ENV !== 'production';

/**
 * The provider's issuer: https, or http on this machine outside production (a local provider
 * while developing). No query or fragment, as OpenID Connect Discovery requires.
 */
export const ssoIssuer = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(500)
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    if (url.search || url.hash || url.username || url.password) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname) && localHttpAllowed();
  }, 'must be an https URL without a query (http only for localhost while developing)');

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** An e-mail domain, lower-cased: `example.com`, `eu.example.co.uk`. */
export const emailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(DOMAIN, 'must look like a domain (example.com)');

export const SSO_DEFAULT_ROLES = API_KEY_ROLES;

export const ssoConnectionInput = z.strictObject({
  issuer: ssoIssuer,
  clientId: z.string().trim().min(1, 'is required').max(500),
  /** Write-only: empty keeps the secret already saved (required the first time). */
  clientSecret: z.string().max(2000).default(''),
  allowedDomains: z
    .array(emailDomain)
    .min(1, 'name at least one e-mail domain')
    .max(50)
    .transform((domains) => [...new Set(domains)]),
  /** The role of people the provider signs in who are not members yet. */
  defaultRole: z.enum(SSO_DEFAULT_ROLES),
  ssoOnly: z.boolean().default(false),
});
export type SsoConnectionInput = z.infer<typeof ssoConnectionInput>;

export const ssoConnectionOutput = z.object({
  id: uuid(),
  issuer: z.string(),
  clientId: z.string(),
  allowedDomains: z.array(z.string()),
  defaultRole: z.enum(SSO_DEFAULT_ROLES),
  ssoOnly: z.boolean(),
  createdAt: timestamp(),
  updatedAt: timestamp(),
});

export const ssoSettingsOutput = z.object({
  /** The redirect URI to register at the provider. */
  callbackUrl: z.string(),
  connection: ssoConnectionOutput.nullable(),
});

export const ssoCheckOutput = z.object({
  ok: z.boolean(),
  /** What went wrong, in words, when discovery failed. */
  message: z.string().nullable(),
});
