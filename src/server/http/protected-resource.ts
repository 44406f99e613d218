import { PERMISSIONS } from '@/schemas/permissions';
/** The MCP server: the resource that OAuth access tokens (and API keys) are for. */
export const MCP_PATH = '/api/mcp';

export const PROTECTED_RESOURCE_PATH = '/.well-known/oauth-protected-resource';

/** Where the MCP server's metadata is: RFC 9728's well-known path, then the resource's path. */
export const mcpResourceMetadataUrl = (appUrl: string) =>
  `${appUrl}${PROTECTED_RESOURCE_PATH}${MCP_PATH}`;

/**
 * OAuth protected-resource metadata (RFC 9728) of the MCP server: what MCP clients read, from
 * the 401's `resource_metadata`, to find where to get a token and which scopes there are.
 */
export function protectedResourceMetadata(appUrl: string) {
  return {
    resource: `${appUrl}${MCP_PATH}`,
    authorization_servers: [appUrl],
    scopes_supported: PERMISSIONS,
    bearer_methods_supported: ['header'],
    resource_name: 'Clientele',
  };
}
