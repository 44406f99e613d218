import { z } from 'zod';
import { page, storedName, timestamp, uuid } from './common';
import { storedEmail } from './customers';
import { API_KEY_ROLES, PERMISSIONS, ROLES, type Permission } from './permissions';

export const OAUTH_APP_KINDS = ['authorization_code', 'client_credentials'] as const;
export type OAuthAppKind = (typeof OAUTH_APP_KINDS)[number];

/** What an app may be granted: any permission but the owner's own (delete, transfer). */
export const OAUTH_SCOPES = PERMISSIONS.filter(
  (permission) => permission !== 'org:delete' && permission !== 'org:transfer',
) as Exclude<Permission, 'org:delete' | 'org:transfer'>[];

export function isOAuthScope(value: string): value is (typeof OAUTH_SCOPES)[number] {
  return (OAUTH_SCOPES as readonly string[]).includes(value);
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where an app receives its codes, matched exactly: https, or http on this machine (native
 * apps, OAuth 2.1 §8.4.2); never with a fragment.
 */
export const redirectUri = z
  .string()
  .max(2000)
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    if (url.hash || value.includes('#')) return false;
    return (
      url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
    );
  }, 'must be an https URL (or http on localhost) without a fragment');

export const oauthAppInput = z
  .object({
    name: z.string().trim().min(1, 'is required').max(100),
    kind: z.enum(OAUTH_APP_KINDS),
    /** Public apps (in a browser or on a device) have no secret and rely on PKCE alone. */
    confidential: z.boolean().default(true),
    redirectUris: z.array(redirectUri).max(10).default([]),
    scopes: z
      .array(z.enum(OAUTH_SCOPES))
      .min(1, 'name at least one permission')
      .max(OAUTH_SCOPES.length),
    /** The role a client-credentials app acts with. */
    role: z.enum(API_KEY_ROLES).optional(),
    logoUrl: z
      .url({ protocol: /^https$/, error: 'must be an https URL' })
      .max(2000)
      .optional(),
  })
  .superRefine((app, ctx) => {
    if (app.kind === 'authorization_code') {
      if (app.redirectUris.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['redirectUris'], message: 'needs at least one' });
      }
      if (app.role) {
        ctx.addIssue({
          code: 'custom',
          path: ['role'],
          message: 'an app acting for people takes their role',
        });
      }
    } else {
      if (!app.role) ctx.addIssue({ code: 'custom', path: ['role'], message: 'is required' });
      if (!app.confidential) {
        ctx.addIssue({
          code: 'custom',
          path: ['confidential'],
          message: 'a server-to-server app has a secret',
        });
      }
      if (app.redirectUris.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['redirectUris'],
          message: 'a server-to-server app has none',
        });
      }
    }
  });
export type OAuthAppInput = z.output<typeof oauthAppInput>;

const MAX_SCOPES = OAUTH_SCOPES.length;

export const oauthAppOutput = z
  .object({
    id: uuid(),
    clientId: z.string().max(100),
    name: storedName,
    logoUrl: z.string().max(2000).nullable(),
    kind: z.enum(OAUTH_APP_KINDS),
    confidential: z.boolean(),
    redirectUris: z.array(z.string().max(2000)).max(10),
    scopes: z.array(z.string().max(100)).max(MAX_SCOPES),
    role: z.enum(ROLES).nullable(),
    secretRotatedAt: timestamp().nullable(),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'OAuthApp' });
export type OAuthAppView = z.infer<typeof oauthAppOutput>;

/** Every app of the organization at once, newest first: an organization registers a handful. */
export const oauthAppPage = page(oauthAppOutput, null);

/** A new app, with its secret this once (null for a public app). */
export const createdOAuthAppOutput = z.object({
  app: oauthAppOutput,
  clientSecret: z.string().max(200).nullable(),
});

/** What may change once an app is registered: not its kind, nor whether it has a secret. */
export const oauthAppUpdateInput = z.strictObject({
  id: uuid(),
  name: z.string().trim().min(1, 'is required').max(100).optional(),
  logoUrl: z
    .url({ protocol: /^https$/, error: 'must be an https URL' })
    .max(2000)
    .nullable()
    .optional(),
  redirectUris: z.array(redirectUri).max(10).optional(),
  scopes: z
    .array(z.enum(OAUTH_SCOPES))
    .min(1, 'name at least one permission')
    .max(MAX_SCOPES)
    .optional(),
  role: z.enum(API_KEY_ROLES).optional(),
});

export const rotatedSecretOutput = z.object({ clientSecret: z.string().max(200) });

const grantId = z.string().min(1).max(100);

export const grantIdInput = z.object({ grantId });

export const grantListInput = z.object({
  appId: uuid().optional().meta({ description: "Only this app's grants." }),
});

/** A person's grant to an app, as the organization's admins see it. */
export const oauthGrantOutput = z
  .object({
    grantId,
    app: z.object({ id: uuid(), name: storedName }),
    user: z.object({ id: uuid(), name: storedName, email: storedEmail }),
    scopes: z.array(z.string().max(100)).max(MAX_SCOPES),
    createdAt: timestamp(),
  })
  .meta({ id: 'OAuthGrant' });

export type OAuthGrantView = z.infer<typeof oauthGrantOutput>;

/** The grants standing, newest first: one per person and app, all at once. */
export const oauthGrantPage = page(oauthGrantOutput, null);

/** An app a person connected, as they see it in their settings. */
export const connectedAppOutput = z.object({
  grantId: z.string(),
  app: z.object({ name: storedName, logoUrl: z.string().nullable(), clientId: z.string() }),
  organization: z.object({ name: storedName, slug: z.string() }),
  scopes: z.array(z.string()),
  createdAt: timestamp(),
});
