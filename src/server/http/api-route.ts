import type { IncomingMessage } from 'node:http';
import {
  forEachOpenApiProcedure,
  getPathRegExp,
  normalizePath,
  type OpenApiProcedureRecord,
} from 'trpc-to-openapi';
import { REST_PREFIX } from '@/server/api/openapi';
import { appRouter } from '@/server/api/root';
import { DOCS_PATH } from './docs';
import { EXPORTS_PREFIX } from './exports';
import { MCP_PATH } from './protected-resource';
import { UNSUBSCRIBE_PATH } from './unsubscribe';
import { INTERACTION_PATH, OAUTH_PATHS, OAuthServer } from '@/server/oauth/provider';
import { isSsoPath } from '@/server/sso/routes';
import { TRPC_PREFIX } from './trpc-door';

interface RestRoute {
  method: string;
  pattern: RegExp;
  template: string;
}

let restRoutes: RestRoute[] | undefined;

/** The REST operations' path templates, matched the way trpc-to-openapi matches them. */
function restRoutesOf(): RestRoute[] {
  if (restRoutes) return restRoutes;
  const found: RestRoute[] = [];
  forEachOpenApiProcedure(
    appRouter._def.procedures as unknown as OpenApiProcedureRecord,
    ({ meta: { openapi } }) => {
      const template = normalizePath(openapi.path);
      found.push({ method: openapi.method, pattern: getPathRegExp(template), template });
    },
  );
  restRoutes = found;
  return found;
}

const procedurePaths = new Set(Object.keys(appRouter._def.procedures));

/**
 * The route of an /api path (or an OAuth or SSO one) as metrics and logs name it: one per door
 * (`/api/trpc`, `/api/v1`, `/api/mcp`, `/api/exports`, `/api/docs`, `/oauth/interaction`), a
 * fixed path, or `other`.
 */
export function apiRouteOf(pathname: string, fixedRoutes: object): string {
  if (pathname.startsWith(TRPC_PREFIX)) return '/api/trpc';
  if (pathname === REST_PREFIX || pathname.startsWith(`${REST_PREFIX}/`)) return REST_PREFIX;
  if (pathname === MCP_PATH) return MCP_PATH;
  if (pathname.startsWith(EXPORTS_PREFIX)) return '/api/exports';
  if (pathname === DOCS_PATH || pathname.startsWith(`${DOCS_PATH}/`)) return DOCS_PATH;
  if (pathname === UNSUBSCRIBE_PATH) return UNSUBSCRIBE_PATH;
  if (pathname.startsWith(`${INTERACTION_PATH}/`)) return INTERACTION_PATH;
  if (pathname.startsWith(`${OAUTH_PATHS.authorization}/`)) return OAUTH_PATHS.authorization;
  if (OAuthServer.handles(pathname) || pathname === OAUTH_PATHS.introspection) return pathname;
  if (isSsoPath(pathname)) return pathname;
  return Object.hasOwn(fixedRoutes, pathname) ? pathname : 'other';
}

/**
 * The route of an /api request for its span: a template such as `/api/v1/customers/{id}`, a
 * tRPC procedure (`/api/trpc/customers.list`; a batch of several is `/api/trpc`), or the route
 * above. Never the raw path, whose ids would make every request a name of its own.
 */
export function spanRouteOf(req: IncomingMessage, fixedRoutes: object): string | undefined {
  const pathname = (req.url ?? '/').split('?', 1)[0]!;
  const route = apiRouteOf(pathname, fixedRoutes);
  if (route === '/api/trpc') {
    const procedure = pathname.slice(TRPC_PREFIX.length);
    return procedurePaths.has(procedure) ? `${TRPC_PREFIX}${procedure}` : route;
  }
  if (route === REST_PREFIX) {
    const path = normalizePath(pathname.slice(REST_PREFIX.length));
    const match = restRoutesOf().find(
      (candidate) => candidate.method === req.method && candidate.pattern.test(path),
    );
    return match ? `${REST_PREFIX}${match.template}` : route;
  }
  return route === 'other' ? undefined : route;
}
