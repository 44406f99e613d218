import type { ClientMetadata } from 'oidc-provider';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { OAuthAppRow } from '@/server/db/repositories/oauth-apps';

/**
 * An app as the authorization server sees a client. A confidential client's `client_secret`
 * is the hex SHA-256 of the secret, never the secret: the provider's secret comparison is
 * replaced to hash what the client sends (see provider.ts).
 */
export function clientMetadataOf(app: OAuthAppRow): ClientMetadata {
  const serverToServer = app.kind === 'client_credentials';
  return {
    client_id: app.clientId,
    client_name: app.name,
    organizationId: app.organizationId,
    ...(app.logoUrl ? { logo_uri: app.logoUrl } : {}),
    ...(app.confidential && app.secretHash
      ? {
          client_secret: encodeHexLowerCase(app.secretHash),
          token_endpoint_auth_method: 'client_secret_basic',
        }
      : { token_endpoint_auth_method: 'none' }),
    grant_types: serverToServer ? ['client_credentials'] : ['authorization_code', 'refresh_token'],
    response_types: serverToServer ? [] : ['code'],
    redirect_uris: serverToServer ? [] : app.redirectUris,
    scope: app.scopes.join(' '),
  };
}
