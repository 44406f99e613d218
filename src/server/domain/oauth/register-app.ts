import type { OAuthAppInput } from '@/schemas/oauth-apps';
import { insertOAuthApp, type OAuthAppRow } from '@/server/db/repositories/oauth-apps';
import type { IdentityTx, TenantTx } from '@/server/db/types';
import { generateClientId, generateClientSecret } from '@/server/oauth/credentials';

export interface RegisteredApp {
  app: OAuthAppRow;
  /** Shown once; only its hash is kept. Null for a public app. */
  clientSecret: string | null;
}

/** Registers an app (input checked by oauthAppInput); the caller audits it. */
export async function registerOAuthApp(
  tx: TenantTx | IdentityTx,
  organizationId: string,
  input: OAuthAppInput,
  createdById: string | null,
): Promise<RegisteredApp> {
  const secret = input.confidential ? generateClientSecret() : null;
  const app = await insertOAuthApp(tx, {
    organizationId,
    clientId: generateClientId(),
    name: input.name,
    logoUrl: input.logoUrl ?? null,
    kind: input.kind,
    confidential: input.confidential,
    redirectUris: input.redirectUris,
    scopes: input.scopes,
    role: input.role ?? null,
    secretHash: secret?.hash ?? null,
    createdById,
  });
  return { app, clientSecret: secret?.secret ?? null };
}

/** What an audit row keeps of an app: never its secret. */
export const auditedApp = (app: OAuthAppRow) => ({
  name: app.name,
  clientId: app.clientId,
  kind: app.kind,
  confidential: app.confidential,
  redirectUris: app.redirectUris,
  scopes: app.scopes,
  role: app.role,
  logoUrl: app.logoUrl,
});
